import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactSecrets } from '@llmops/core';
import { parseHeaders, PromClient, PromError } from '@llmops/prom';
import { freePort } from '../helpers/prometheus';

/** A loopback stand-in that answers like Prometheus and records what it was sent. */
class FakePrometheus {
  readonly seen: Array<{ url: string; headers: IncomingHttpHeaders; body: URLSearchParams }> = [];
  reply: (body: URLSearchParams) => { status: number; body: string } = () => ({
    status: 200,
    body: JSON.stringify({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: { a: 'b' }, value: [1, '0.25'] }] },
    }),
  });
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      let text = '';
      for await (const chunk of req) text += chunk;
      const body = new URLSearchParams(text);
      this.seen.push({ url: req.url!, headers: req.headers, body });
      const { status, body: out } = this.reply(body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(out);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

let fake: FakePrometheus;
beforeAll(async () => {
  fake = await new FakePrometheus().start();
});
afterAll(() => fake.stop());

async function caught(promise: Promise<unknown>): Promise<PromError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PromError) return error;
    throw error;
  }
  throw new Error('expected a PromError');
}

describe('PromClient', () => {
  it('posts the query and time, parsing NaN and Inf values', async () => {
    fake.reply = () => ({
      status: 200,
      body: JSON.stringify({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: {}, value: [1, '+Inf'] },
            { metric: {}, value: [1, 'NaN'] },
          ],
        },
      }),
    });
    const client = new PromClient({ url: `${fake.url}/prom/` });
    const samples = await client.query('up', Date.UTC(2026, 0, 1));
    expect(samples.map((s) => s.value)).toEqual([Infinity, NaN]);
    const last = fake.seen.at(-1)!;
    expect(last.url).toBe('/prom/api/v1/query');
    expect(last.body.get('query')).toBe('up');
    expect(last.body.get('time')).toBe('1767225600.000');
  });

  it('keeps a query string on the base URL, after the API path', async () => {
    const client = new PromClient({ url: `${fake.url}/prom/?orgId=1` });
    await client.query('up', Date.now());
    expect(fake.seen.at(-1)!.url).toBe('/prom/api/v1/query?orgId=1');
    await new PromClient({ url: `${fake.url}?orgId=2` }).query('up', Date.now());
    expect(fake.seen.at(-1)!.url).toBe('/api/v1/query?orgId=2');
  });

  it('moves basic auth out of the URL into a header and masks the password', async () => {
    const client = new PromClient({ url: fake.url.replace('http://', 'http://gate:s3cret%2Fpass@') });
    await client.query('up', Date.now());
    const expected = `Basic ${Buffer.from('gate:s3cret/pass').toString('base64')}`;
    expect(fake.seen.at(-1)!.headers.authorization).toBe(expected);
    expect(client.displayUrl).toBe(fake.url);
    expect(redactSecrets(`pw s3cret/pass in ${expected}`)).toBe('pw *** in Basic ***');
  });

  it('sends a bearer token and extra headers, masking their values', async () => {
    const headers = parseHeaders('X-Scope-OrgID: tenant-42\nX-Api-Key: k3y-abcdef');
    const client = new PromClient({ url: fake.url, token: 'tok-123456', headers });
    await client.query('up', Date.now());
    const seen = fake.seen.at(-1)!.headers;
    expect(seen.authorization).toBe('Bearer tok-123456');
    expect(seen['x-scope-orgid']).toBe('tenant-42');
    expect(seen['x-api-key']).toBe('k3y-abcdef');
    expect(redactSecrets('tok-123456 tenant-42 k3y-abcdef')).toBe('*** *** ***');
  });

  it("surfaces Prometheus's own error message, not retriable for bad PromQL", async () => {
    fake.reply = () => ({
      status: 400,
      body: JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": 1:9: parse error: unclosed left parenthesis',
      }),
    });
    const error = await caught(new PromClient({ url: fake.url }).query('sum(rate(', Date.now()));
    expect(error.message).toBe(
      'Prometheus 400 bad_data: invalid parameter "query": 1:9: parse error: unclosed left parenthesis',
    );
    expect(error).toMatchObject({ kind: 'query', retriable: false, status: 400 });
  });

  it('treats 5xx from a proxy as retriable and says what came back', async () => {
    fake.reply = () => ({ status: 502, body: '<html>Bad Gateway</html>' });
    const error = await caught(
      new PromClient({ url: fake.url }).queryRange('up', { start: 0, end: 60_000, stepMs: 15_000 }),
    );
    expect(error).toMatchObject({ kind: 'http', retriable: true, status: 502 });
    expect(error.message).toContain('HTTP 502');
    expect(fake.seen.at(-1)!.body.get('step')).toBe('15');
  });

  it('calls an unreachable server unreachable, and a slow one a timeout', async () => {
    const port = await freePort();
    const down = await caught(new PromClient({ url: `http://127.0.0.1:${port}` }).query('up', Date.now()));
    expect(down).toMatchObject({ kind: 'unreachable', retriable: true });
    expect(down.message).toContain('ECONNREFUSED');
    fake.reply = () => ({ status: 200, body: '{}' });
    const slow = new PromClient({
      url: fake.url,
      timeoutMs: 1,
      fetch: (url, init) =>
        new Promise((_, reject) =>
          init!.signal!.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    });
    expect(await caught(slow.query('up', Date.now()))).toMatchObject({ kind: 'timeout', retriable: true });
  });

  it('calls a body that stops coming a timeout (retriable), and rethrows a cancellation while reading it', async () => {
    // Headers and half a body, then nothing.
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"success","data":');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
    try {
      const slow = await caught(new PromClient({ url, timeoutMs: 300 }).query('up', Date.now()));
      expect(slow).toMatchObject({ kind: 'timeout', retriable: true });
      const controller = new AbortController();
      const reason = new Error('cancelled');
      const pending = new PromClient({ url, timeoutMs: 10_000 }).query('up', Date.now(), controller.signal);
      setTimeout(() => controller.abort(reason), 200);
      await expect(pending).rejects.toBe(reason);
    } finally {
      stalling.closeAllConnections();
      stalling.close();
    }
  });

  it('refuses URLs that are not http(s)', () => {
    expect(() => new PromClient({ url: 'ftp://x' })).toThrow('expected an http:// or https:// URL');
  });
});

describe('parseHeaders', () => {
  it('reads a YAML mapping or Name: value lines', () => {
    expect(parseHeaders('X-A: "1"\nX-B: two')).toEqual({ 'X-A': '1', 'X-B': 'two' });
    expect(parseHeaders('Authorization: Bearer a:b:c')).toEqual({ Authorization: 'Bearer a:b:c' });
    expect(parseHeaders('')).toEqual({});
  });

  it('keeps values as written, where YAML would rewrite them', () => {
    expect(parseHeaders('X-Scope-OrgID: 007\nX-Limit: 1e3\nX-Key: abc #def\nX-On: yes')).toEqual({
      'X-Scope-OrgID': '007',
      'X-Limit': '1e3',
      'X-Key': 'abc #def',
      'X-On': 'yes',
    });
    expect(parseHeaders("{X-Scope-OrgID: 007, X-Key: 'abc #def'}")).toEqual({
      'X-Scope-OrgID': '007',
      'X-Key': 'abc #def',
    });
  });

  it('rejects bad names without echoing values', () => {
    expect(() => parseHeaders('Bad Name: secret-value')).toThrow("'Bad Name' is not a valid header name");
  });
});
