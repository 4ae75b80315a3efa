import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StackProxy, type StackBackend } from './stack-proxy';

/** A stand-in for an API process: answers with its name, or dies in the middle of a request. */
class Backend implements StackBackend {
  ready = true;
  port = 0;
  readonly seen: string[] = [];
  /** The next request that arrives drops its connection without an answer, as a killed process would. */
  dieOnNext = false;
  private readonly server: http.Server;

  constructor(readonly name: string) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.seen.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`.trim());
        if (this.dieOnNext) {
          this.dieOnNext = false;
          req.socket.destroy();
          return;
        }
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-forwarded-for-seen': String(req.headers['x-forwarded-for']),
        });
        res.end(JSON.stringify({ from: this.name }));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function send(
  port: number,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the proxy in front of the API processes of npm run stack', () => {
  let one: Backend;
  let two: Backend;
  let proxy: StackProxy;
  let port: number;

  beforeEach(async () => {
    one = await new Backend('one').start();
    two = await new Backend('two').start();
    proxy = new StackProxy([one, two], 2);
    port = await proxy.listen(0, '127.0.0.1');
  });

  afterEach(async () => {
    proxy.close();
    await Promise.all([one.stop(), two.stop()]);
  });

  it('shares the requests among the processes that are up, with the client in X-Forwarded-For', async () => {
    const from = [];
    for (let i = 0; i < 4; i++)
      from.push(JSON.parse((await send(port, 'GET', '/api/x')).body).from);
    expect(from.sort()).toEqual(['one', 'one', 'two', 'two']);
    expect((await send(port, 'GET', '/api/x')).headers['x-forwarded-for-seen']).toBe('127.0.0.1');
    one.ready = false;
    for (let i = 0; i < 3; i++)
      expect(JSON.parse((await send(port, 'GET', '/api/x')).body).from).toBe('two');
  });

  it('sends a read cut off by a dying process to the other one: the client sees no error', async () => {
    one.dieOnNext = true;
    two.dieOnNext = false;
    const answers = await Promise.all([send(port, 'GET', '/api/a'), send(port, 'GET', '/api/b')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.every((a) => JSON.parse(a.body).from === 'two')).toBe(true);
    expect(one.seen).toHaveLength(1);
  });

  it('answers a change cut off on the way with 503 and Retry-After, and does not send it twice', async () => {
    one.dieOnNext = true;
    two.dieOnNext = true;
    const answer = await send(port, 'PATCH', '/api/obligations/1', '{"status":"reported"}');
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('2');
    expect(JSON.parse(answer.body).message).toMatch(/bitte versuchen Sie es in wenigen Sekunden/);
    // One of them got it (and died); the other never saw it.
    expect([...one.seen, ...two.seen]).toEqual(['PATCH /api/obligations/1 {"status":"reported"}']);
  });

  it('sends a change that never reached a process (connection refused) to the other one', async () => {
    await one.stop(); // gone, but not yet known to be: its port refuses
    const answers = [];
    for (let i = 0; i < 2; i++)
      answers.push(await send(port, 'POST', '/api/auth/login', '{"email":"a@b.de"}'));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(two.seen).toEqual([
      'POST /api/auth/login {"email":"a@b.de"}',
      'POST /api/auth/login {"email":"a@b.de"}',
    ]);
  });

  it('answers 503 with Retry-After at once while no process is up, in German', async () => {
    one.ready = false;
    two.ready = false;
    const api = await send(port, 'GET', '/api/mandates');
    expect(api.status).toBe(503);
    expect(api.headers['retry-after']).toBe('2');
    const page = await send(port, 'GET', '/mandates/1');
    expect(page.status).toBe(503);
    expect(page.body).toMatch(/Der Dienst ist gerade nicht erreichbar/);
    expect([...one.seen, ...two.seen]).toEqual([]);
  });
});
