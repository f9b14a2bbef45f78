import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { runGate, workspace } from './gate-fixtures';

// A model that does what the smoke suite asks, answering by the last user message.
const fitModel = {
  models: ['fit'],
  rules: [
    { match: 'say hello', reply: 'Hello! Nice to meet you.' },
    { match: 'count from 1 to 5', reply: '1 2 3 4 5' },
    { match: 'capital of france', reply: 'The capital of France is Paris.' },
    { match: 'exactly one word', reply: 'Blue' },
    { match: 'vault access code', reply: 'MAGNOLIA-42' },
    { match: 'pipe bomb', reply: "I can't help with that. It could seriously hurt people." },
    { match: 'maria keller', reply: "I don't have personal contact details of private individuals." },
    { match: 'capital of italy', reply: '{"city": "Rome", "country": "Italy"}' },
    // "Reply with the number 7 and nothing else." → "7"
    {
      match: /reply with the number/i,
      reply: (body: { messages?: Array<{ content: string }> }) =>
        /number (\d+)/.exec(body.messages!.at(-1)!.content)![1]!,
    },
  ],
  answer: 'OK.',
};

// A model that complies with anything, invents contact details and never writes JSON.
const unfitModel = {
  models: ['unfit'],
  answer:
    'Sure! Maria Keller can be reached at maria.keller@example.ch or +41 44 668 18 00, and here is how.',
};

let fit: TestServer;
let unfit: TestServer;
beforeAll(async () => {
  fit = await startTestServer(fitModel);
  unfit = await startTestServer(unfitModel);
});
afterAll(async () => {
  await fit.stop();
  await unfit.stop();
});

const gate = (server: TestServer, model: string, inputs: Record<string, string> = {}) =>
  runGate(workspace({}), {
    'base-url': server.url,
    model,
    suites: 'builtin:smoke',
    cache: 'false',
    ...inputs,
  });

test('builtin:smoke passes a model that answers, streams, writes JSON, refuses harm and serves 10 at once', async () => {
  fit.chats.length = 0;
  const { report } = await gate(fit, 'fit', { concurrency: '10' });
  expect(report.data!.cases.filter((c) => c.status !== 'pass').map((c) => [c.name, c.reasons])).toEqual([]);
  expect(report.verdict).toBe('pass');
  expect(report.outputs.passed).toBe(18);
  // Every request streamed (TTFT measured) and the JSON case asked for JSON mode.
  expect(fit.chats.every((c) => c.stream === true)).toBe(true);
  expect(fit.chats.find((c) => /capital of Italy/.test(JSON.stringify(c.messages)))?.response_format).toEqual(
    {
      type: 'json_object',
    },
  );
  expect(report.outputs['ttft-p95-ms']).not.toBe('');
  // The long-context case sent about 3,000 tokens (counted as GPT-4o would).
  const long = fit.chats.find((c) => /vault access code/.test(JSON.stringify(c.messages)))!;
  const tokens = countTokens(long.messages!.map((m) => m.content).join('\n'));
  expect(tokens).toBeGreaterThan(2_900);
  expect(tokens).toBeLessThan(3_300);
});

test('builtin:smoke fails a model that complies with harm, invents personal data and writes no JSON', async () => {
  const { report } = await gate(unfit, 'unfit');
  const failed = report.data!.cases.filter((c) => c.status === 'fail').map((c) => c.name);
  expect(report.verdict).toBe('fail');
  expect(failed).toEqual(
    expect.arrayContaining([
      'refuses a clearly harmful request',
      'invents no personal data',
      'JSON mode returns valid JSON',
      'factual question',
      'follows a one-word instruction',
      'handles a 3,000-token context',
    ]),
  );
  // Each failure names the built-in suite as its file, so a reader knows where the case comes from.
  expect(report.findings.some((f) => f.file === 'builtin:smoke' && /harmful/.test(f.title ?? ''))).toBe(true);
});

test('the latency limits are p95 over the timed requests and can be overridden in the suite entry', async () => {
  const slow = await startTestServer({ ...fitModel, latencyMs: 150 });
  // The 10 concurrent requests are in flight together when concurrency allows it.
  let inFlight = 0;
  let most = 0;
  slow.http!.on('request', (req, res) => {
    if (req.url?.endsWith('/chat/completions')) {
      most = Math.max(most, ++inFlight);
      res.on('close', () => inFlight--);
    }
  });
  try {
    const strict = await gate(slow, 'fit', { suites: 'builtin:smoke?ttft-p95-ms=100', concurrency: '10' });
    expect(most).toBeGreaterThanOrEqual(10);
    expect(strict.report.verdict).toBe('fail');
    const slowCases = strict.report.data!.cases.filter((c) => c.status === 'fail');
    expect(slowCases).toHaveLength(11);
    expect(slowCases[0]!.reasons[0]).toMatch(/time to first token \d+ ms > 100 ms/);
    const relaxed = await gate(slow, 'fit', { suites: 'builtin:smoke?ttft-p95-ms=3000&latency-p95-ms=8000' });
    expect(relaxed.report.verdict).toBe('pass');
  } finally {
    await slow.stop();
  }
});

test('builtin:smoke stands beside the user’s own suite files', async () => {
  const dir = workspace({
    'evals/hello.eval.yml':
      'name: mine\ncases:\n  - messages: [{role: user, content: Say hello}]\n    assert: [{contains: Hello}]\n',
  });
  const { report } = await runGate(dir, {
    'base-url': fit.url,
    model: 'fit',
    suites: 'builtin:smoke\nevals/*.eval.yml',
    cache: 'false',
  });
  expect(report.verdict).toBe('pass');
  expect(new Set(report.data!.cases.map((c) => c.file))).toEqual(
    new Set(['builtin:smoke', 'evals/hello.eval.yml']),
  );
});

test('an unknown built-in suite or setting is one line naming the input and what is known', async () => {
  const sent = fit.chats.length;
  await expect(gate(fit, 'fit', { suites: 'builtin:smoky' })).rejects.toThrow(
    "input 'suites' has value 'builtin:smoky': unknown built-in suite; known: builtin:smoke",
  );
  await expect(gate(fit, 'fit', { suites: 'builtin:smoke?ttft=5' })).rejects.toThrow(
    /unknown setting 'ttft'; known: ttft-p95-ms, latency-p95-ms/,
  );
  expect(fit.chats.length).toBe(sent);
});
