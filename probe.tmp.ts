import { startApi } from './test/support/api-process';
import { login } from './test/support/auth';
async function main() {
  const api = await startApi({ LOG_LEVEL: 'error' });
  try {
    const s = await login(api.url, 'admin');
    for (const body of process.argv.slice(3)) {
      const r = await fetch(`${api.url}${process.argv[2]}`, { method: 'PUT', headers: { authorization: `Bearer ${s.accessToken}`, 'content-type': 'application/json' }, body });
      console.log(body, r.status, (await r.text()).slice(0, 300));
    }
  } finally { await api.stop(); console.log(api.output().split('\n').filter(l => l.includes('"err"')).map(l => l.slice(0, 1500)).join('\n')); }
}
void main();
