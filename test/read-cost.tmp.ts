// Rough cost of read auditing: person list page 1 (25 rows) as a caseworker, c=8.
import { performance } from 'node:perf_hooks';
import { startApi } from './support/api-process';
import { login } from './support/auth';

async function main() {
  const api = await startApi({ DEMO_FAMILIES: '300', LOG_LEVEL: 'error' });
  try {
    const session = await login(api.url, 'caseworker.pavlodar');
    const run = async (n: number, c: number) => {
      let next = 0;
      const times: number[] = [];
      const t0 = performance.now();
      await Promise.all(Array.from({ length: c }, async () => {
        while (next++ < n) {
          const t = performance.now();
          const r = await fetch(`${api.url}/api/persons?range=[0,24]`, { headers: { authorization: `Bearer ${session.accessToken}` } });
          if (r.status !== 200) throw new Error(String(r.status));
          await r.arrayBuffer();
          times.push(performance.now() - t);
        }
      }));
      times.sort((a, b) => a - b);
      return { rps: (n / (performance.now() - t0)) * 1000, p50: times[Math.floor(n / 2)], p99: times[Math.floor(n * 0.99)] };
    };
    await run(100, 8);
    console.log(JSON.stringify(await run(1000, 8)));
  } finally { await api.stop(); }
}
void main();
