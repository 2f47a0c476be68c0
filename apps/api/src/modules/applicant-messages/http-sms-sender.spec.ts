import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSmsSender } from './http-sms-sender';

describe('HttpSmsSender', () => {
  let server: Server;
  let url: string;
  let answer = 202;
  const received: { headers: IncomingHttpHeaders; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(data) });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the number in digits and the text as JSON with the bearer token; a 2xx is sent', async () => {
    answer = 202;
    const outcome = await new HttpSmsSender(url, 'secret').send({ to: '+7 (701) 555-01-01', text: 'Сәлем' });
    expect(outcome).toEqual({ sent: true });
    expect(received.at(-1)).toMatchObject({
      headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
      body: { to: '+77015550101', text: 'Сәлем' },
    });
  });

  it('takes a 4xx as a refusal for good, and 5xx, 429 or no answer as worth another try', async () => {
    const sender = new HttpSmsSender(url, null);
    answer = 400;
    expect(await sender.send({ to: '+77015550101', text: 'x' })).toEqual({
      sent: false,
      permanent: true,
      code: 'applicant_message.sms_permanent',
      params: { status: 400 },
    });
    for (const status of [429, 503]) {
      answer = status;
      expect(await sender.send({ to: '+77015550101', text: 'x' })).toMatchObject({
        sent: false,
        permanent: false,
        code: 'applicant_message.sms_temporary',
      });
    }
    expect(received.at(-1)?.headers.authorization).toBeUndefined();
    const nowhere = new HttpSmsSender('http://127.0.0.1:9/send', null);
    expect(await nowhere.send({ to: '+77015550101', text: 'x' })).toMatchObject({
      permanent: false,
      code: 'applicant_message.unreachable',
    });
  });
});
