import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { chromiumPath } from '../preflight/preflight';
import { DEMO_PASSWORD, unusedTotp } from './auth';

/** Debian's Chromium, headless, with no traffic leaving the machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Resolves once the page has had no request in flight for `quietMs`. A test that opens another
 * address right after signing in must wait for this: a lazy chunk of the landing page aborted by
 * that navigation left Chromium's next load of the same chunk hanging, the page "Loading" forever.
 */
function networkQuiet(page: Page, quietMs = 500): { settled(): Promise<void> } {
  const inFlight = new Set<object>();
  let lastChange = Date.now();
  const add = (request: object) => {
    inFlight.add(request);
    lastChange = Date.now();
  };
  const remove = (request: object) => {
    inFlight.delete(request);
    lastChange = Date.now();
  };
  page.on('request', add);
  page.on('requestfinished', remove);
  page.on('requestfailed', remove);
  return {
    async settled() {
      try {
        while (inFlight.size > 0 || Date.now() - lastChange < quietMs) await page.waitForTimeout(100);
      } finally {
        page.off('request', add);
        page.off('requestfinished', remove);
        page.off('requestfailed', remove);
      }
    },
  };
}

/**
 * Logs in through the real login form from the home page, answering the one-time-code step when
 * asked, and returns once the landing page has left the login form and finished loading.
 */
export async function loginThroughUi(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(baseUrl);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  const network = networkQuiet(page);
  await page.locator('button[type=submit]').click();
  if (username === 'admin' || username === 'auditor') {
    const otp = page.locator('input[name=otp]');
    await otp.waitFor();
    await otp.fill(await unusedTotp(`${baseUrl}|${username}`));
    await page.locator('button[type=submit]').click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await network.settled();
}

/**
 * The message shown under an input: the helper text MUI ties to it with
 * aria-describedby, read once the input is marked invalid.
 */
export async function fieldError(input: Locator): Promise<string> {
  await input.and(input.page().locator('[aria-invalid=true]')).waitFor();
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  if (ids.length === 0) throw new Error('the input names no helper text (aria-describedby)');
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ').trim();
}
