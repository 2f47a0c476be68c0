import { type RunningApi, startApi } from '../support/api-process';

/**
 * The output of a start, split at the banner ("Qonys is running on …" and the demo
 * logins under it). Log lines are JSON; the banner is plain text.
 */
function splitAtBanner(output: string): { before: string[]; banner: string[]; logsAfter: string[] } {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const start = lines.findIndex((line) => line.startsWith('Qonys is running on '));
  if (start < 0) throw new Error(`no banner in:\n${output}`);
  const rest = lines.slice(start);
  return {
    before: lines.slice(0, start),
    banner: rest.filter((line) => !line.startsWith('{')),
    logsAfter: rest.filter((line) => line.startsWith('{')),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('start-up output', () => {
  let api: RunningApi | undefined;
  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });

  it('prints the banner last, after a few start-up lines, at LOG_LEVEL=info', async () => {
    api = await startApi({ LOG_LEVEL: 'info' });
    await settle();
    const { before, banner, logsAfter } = splitAtBanner(api.output());
    expect(logsAfter).toEqual([]);
    expect(banner.join('\n')).toContain('official.pavlodar');
    expect(before.length).toBeLessThanOrEqual(10);
    expect(before.join('\n')).not.toMatch(/RouterExplorer|RoutesResolver|InstanceLoader/);
  });

  it("still shows Nest's module and route detail at LOG_LEVEL=debug", async () => {
    api = await startApi({ LOG_LEVEL: 'debug' });
    await settle();
    const { before, logsAfter } = splitAtBanner(api.output());
    expect(logsAfter).toEqual([]);
    expect(before.join('\n')).toMatch(/"context":"RouterExplorer"/);
  });
});
