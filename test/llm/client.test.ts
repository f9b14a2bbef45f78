import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdaptiveLimiter,
  LlmClient,
  ResponseCache,
  checkEndpoint,
  runRequests,
  type LlmClientOptions,
} from '@llmops/llm';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ answer: 'Yes, within 30 days.' });
});
afterEach(async () => {
  await server.stop();
});

function client(options: Partial<LlmClientOptions> = {}): LlmClient {
  return new LlmClient({
    baseURL: server.url,
    model: 'test-model',
    timeoutMs: 2000,
    maxRetries: 2,
    concurrency: 4,
    stream: true,
    backoffBaseMs: 5,
    ...options,
  });
}

const ask = { messages: [{ role: 'user' as const, content: 'Can I return shoes after 3 weeks?' }] };

describe('LlmClient', () => {
  it('streams an answer with TTFT, TPOT, latency and usage', async () => {
    server.options.perTokenMs = 5;
    const result = await client().complete(ask);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Yes, within 30 days.');
    expect(result.ttftMs).toBeGreaterThan(0);
    expect(result.tpotMs).toBeGreaterThanOrEqual(2);
    expect(result.latencyMs).toBeGreaterThanOrEqual(result.ttftMs!);
    expect(result.usage).toEqual({ promptTokens: 7, completionTokens: 4 });
  });

  it('answers without streaming', async () => {
    const result = await client({ stream: false }).complete(ask);
    expect(result).toMatchObject({
      text: 'Yes, within 30 days.',
      attempts: 1,
      usage: { completionTokens: 4 },
    });
  });

  it.each([
    ['429 with Retry-After', { kind: 'status', status: 429, retryAfter: 0 }],
    ['500', { kind: 'status', status: 500 }],
    ['503', { kind: 'status', status: 503 }],
    ['TGI error body', { kind: 'tgi-error', status: 503 }],
    ['connection reset', { kind: 'reset' }],
    ['error event inside a 200 stream', { kind: 'stream-error' }],
    ['malformed JSON', { kind: 'malformed' }],
    ['empty choices', { kind: 'empty-choices' }],
    ["vLLM finish_reason 'abort'", { kind: 'finish', reason: 'abort' }],
    ["finish_reason 'error'", { kind: 'finish', reason: 'error' }],
  ] as const)('passes after a retry on %s', async (_, fault) => {
    server.fail(fault);
    const c = client();
    const result = await c.complete(ask);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Yes, within 30 days.');
    expect(result.attempts).toBe(2);
    expect(server.chatRequests).toBe(2);
  });

  it.each([
    ['429', { kind: 'status', status: 429, retryAfter: 0 }, 'http'],
    ['503', { kind: 'status', status: 503 }, 'http'],
    ['connection reset', { kind: 'reset' }, 'network'],
    ['error event inside a 200 stream', { kind: 'stream-error', message: 'engine dead' }, 'stream'],
    ['malformed JSON', { kind: 'malformed' }, 'malformed'],
    ['empty choices', { kind: 'empty-choices' }, 'empty'],
    ["finish_reason 'abort'", { kind: 'finish', reason: 'abort' }, 'stream'],
  ] as const)('returns an error, never an answer, when %s persists', async (_, fault, kind) => {
    server.fail(fault, 10);
    const result = await client({ maxRetries: 2 }).complete(ask);
    expect(result.error?.kind).toBe(kind);
    expect(result.text).toBe('');
    expect(server.chatRequests).toBe(3);
  });

  it('also fails non-streaming requests on empty choices, malformed bodies and aborted answers', async () => {
    server
      .fail({ kind: 'empty-choices' })
      .fail({ kind: 'malformed' })
      .fail({ kind: 'finish', reason: 'abort' });
    const c = client({ stream: false, maxRetries: 0 });
    expect((await c.complete(ask)).error?.kind).toBe('empty');
    expect((await c.complete(ask)).error?.kind).toBe('malformed');
    expect((await c.complete(ask)).error).toMatchObject({
      kind: 'stream',
      message: expect.stringMatching(/'abort'/),
    });
  });

  it('times out a stalled stream instead of hanging', async () => {
    server.fail({ kind: 'stall' }, 5);
    const started = Date.now();
    const result = await client({ timeoutMs: 300, maxRetries: 1 }).complete(ask);
    expect(result.error?.kind).toBe('timeout');
    expect(result.text).toBe('');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('never retries other 4xx and reports the server message (vLLM integer code, TGI string)', async () => {
    server.fail({ kind: 'vllm-error', status: 400, message: 'max_tokens is too large' });
    server.fail({ kind: 'tgi-error', status: 422, message: 'Input validation error' });
    const c = client();
    const first = await c.complete(ask);
    expect(first.error).toMatchObject({ kind: 'http', status: 400 });
    expect(first.error!.message).toContain('max_tokens is too large');
    const second = await c.complete({ ...ask, sample: 1 });
    expect(second.error!.message).toContain('Input validation error');
    expect(server.chatRequests).toBe(2);
  });

  it('scrubs its own key and the other secrets from a 401 body that echoes the Authorization header', async () => {
    server.fail({ kind: 'echo-auth' }, 2);
    const own = await client({ apiKey: 'sk-own-key-1234' }).complete(ask);
    expect(own.error).toMatchObject({ kind: 'http', status: 401 });
    expect(own.error!.message).toContain('Bearer ***');
    expect(own.error!.message).not.toContain('sk-own-key-1234');
    const judge = await client({ apiKey: 'sk-judge-5678', secrets: ['sk-own-key-1234'] }).complete(ask);
    expect(judge.error!.message).not.toContain('sk-judge-5678');
    expect(server.chatRequests).toBe(2);
  });

  it('honours Retry-After', async () => {
    server.fail({ kind: 'status', status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await client().complete(ask);
    expect(result.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('stops retrying when cancelled', async () => {
    server.fail({ kind: 'status', status: 503 }, 100);
    const controller = new AbortController();
    const c = client({ maxRetries: 50, backoffBaseMs: 200, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const result = await c.complete(ask);
    expect(result.error?.kind).toBe('cancelled');
    expect(server.chatRequests).toBeLessThan(5);
  });

  it('cancels queued requests without sending them, as errors', async () => {
    server.options.latencyMs = 200;
    const controller = new AbortController();
    const c = client({ concurrency: 1, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const items = Array.from({ length: 10 }, (_, i) => i);
    const { results, totals } = await runRequests(c, items, (i) => ({
      messages: [{ role: 'user', content: `q${i}` }],
    }));
    expect(results.map((r) => r.error?.kind)).toEqual(Array(10).fill('cancelled'));
    expect(server.chatRequests).toBe(1);
    expect(totals.requests).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('serves a second identical run from the cache with zero requests', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llm-cache-'));
    const items = Array.from({ length: 20 }, (_, i) => i);
    const toRequest = (i: number) => ({ messages: [{ role: 'user' as const, content: `question ${i}` }] });
    const first = await runRequests(client({ cache: new ResponseCache(dir) }), items, toRequest);
    expect(first.totals.requests).toBe(20);
    const before = server.chatRequests;
    const second = await runRequests(client({ cache: new ResponseCache(dir) }), items, toRequest);
    expect(server.chatRequests).toBe(before);
    expect(second.totals).toMatchObject({ requests: 0, cacheHits: 20, errors: 0 });
    expect(second.results.map((r) => r.text)).toEqual(first.results.map((r) => r.text));
  });

  it('never caches errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llm-cache-'));
    server.fail({ kind: 'status', status: 500 });
    expect(
      (await client({ cache: new ResponseCache(dir), maxRetries: 0 }).complete(ask)).error,
    ).toBeDefined();
    const again = await client({ cache: new ResponseCache(dir), maxRetries: 0 }).complete(ask);
    expect(again).toMatchObject({ cached: false, text: 'Yes, within 30 days.' });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    server.options.latencyMs = 30;
    // In flight = the server has the request and has not finished its response.
    let inFlight = 0;
    let peak = 0;
    server.http!.on('request', (_req, res: import('node:http').ServerResponse) => {
      peak = Math.max(peak, ++inFlight);
      res.once('close', () => inFlight--);
    });
    const items = Array.from({ length: 24 }, (_, i) => i);
    await runRequests(client({ concurrency: 3 }), items, (i) => ({
      messages: [{ role: 'user', content: `q${i}` }],
    }));
    expect(server.chatRequests).toBe(24);
    expect(peak).toBe(3);
  });
});

describe('AdaptiveLimiter', () => {
  it('rejects a queued acquire on abort and never runs its task', async () => {
    const limiter = new AdaptiveLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();
    await expect(queued).rejects.toThrow();
    release();
    await first;
    await limiter.run(async () => undefined);
    expect(ran).toBe(false);
  });

  it('halves the limit on sustained 429s and recovers on success', () => {
    const limiter = new AdaptiveLimiter(16);
    limiter.rateLimited(1000);
    limiter.rateLimited(1100); // same burst: one cut
    expect(limiter.limit).toBe(8);
    limiter.rateLimited(2000);
    limiter.rateLimited(3000);
    limiter.rateLimited(4000);
    limiter.rateLimited(5000);
    expect(limiter.limit).toBe(1);
    for (let i = 0; i < 40; i++) limiter.succeeded();
    expect(limiter.limit).toBe(16);
  });
});

describe('checkEndpoint', () => {
  it('lists the served models when the model is not served', async () => {
    await expect(checkEndpoint({ baseURL: server.url, model: 'llama-3-70b' })).rejects.toThrow(
      /model 'llama-3-70b' is not served by .*; it serves: test-model/,
    );
  });

  it('fails fast when the endpoint is down', async () => {
    await server.stop();
    await expect(checkEndpoint({ baseURL: server.url, model: 'test-model' })).rejects.toThrow(
      /is unreachable/,
    );
    server = await startTestServer();
  });

  it('accepts a served model and a base URL without /v1', async () => {
    const base = server.url.replace(/\/v1$/, '');
    await expect(checkEndpoint({ baseURL: base, model: 'test-model' })).resolves.toEqual({
      served: ['test-model'],
    });
  });
});

describe('ResponseCache', () => {
  it('stays readable under concurrent writers of the same key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llm-cache-'));
    const writers = Array.from({ length: 4 }, () => new ResponseCache(dir));
    const key = { id: 'ab'.repeat(32), request: '["v3"]' };
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writers[i % 4]!.set(key, { text: `answer ${i % 4}`.repeat(200) }),
      ),
    );
    const read = await new ResponseCache(dir).get(key);
    expect(read?.text).toMatch(/^(answer \d)+$/);
  });
});
