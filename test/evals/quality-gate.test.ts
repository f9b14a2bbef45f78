import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { runGate, workspace } from './gate-fixtures';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    rules: [
      // The judge marks the answer that does not help down, so the built-in can fail end to end.
      { match: /I am not sure\.[\s\S]*SCORE: <1-5>/, reply: 'Does not answer the question.\nSCORE: 1' },
      { match: 'SCORE: <1-5>', reply: 'Matches the reference.\nSCORE: 5' },
      { match: 'three weeks', reply: 'Yes, returns are accepted within 30 days of delivery.' },
      { match: 'express', reply: 'Express shipping takes 1-2 business days.' },
    ],
    answer: 'I am not sure.',
  });
});
afterAll(() => server.stop());

const support = `name: support
model: openai/gpt-4o-mini
modelParameters:
  temperature: 0
messages:
  - role: system
    content: You answer questions about Acme Shoes.
  - role: User
    content: '{{question}}'
testData:
  - question: Can I return shoes I bought three weeks ago?
    expected: Yes, within 30 days.
  - question: How long does express shipping take?
    expected: 1-2 business days
  - question: Do you sell hats?
    expected: No.
evaluators:
  - name: mentions-days
    string:
      contains: DAYS
  - name: similar
    uses: github/similarity
`;

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': server.url,
  model: 'test-model',
  cache: 'false',
  ...extra,
});

const withLlmEvaluator = (modelId: string) => `name: tone
messages:
  - role: user
    content: '{{question}}'
testData:
  - question: How long does express shipping take?
evaluators:
  - name: polite
    llm:
      modelId: ${modelId}
      prompt: 'Is this answer polite? {{completion}} Answer Yes or No.'
      choices:
        - choice: 'Yes'
          score: 1
        - choice: 'No'
          score: 0
`;

describe('llm evaluators', () => {
  it('ask the modelId the evaluator names when the judge endpoint serves it, else say so', async () => {
    server.options.models = ['test-model', 'judge-large'];
    try {
      const dir = workspace({ 'tone.prompt.yml': withLlmEvaluator('judge-large') });
      const before = server.chats.length;
      const { report } = await runGate(dir, inputs({ 'min-score': '0' }));
      expect(server.chats.slice(before).map((c) => c.model)).toEqual(['test-model', 'judge-large']);
      // The test server answers neither Yes nor No: a fail scored 0, as gh-models counts it.
      expect(report.outputs).toMatchObject({ failed: 1, errored: 0 });
      const other = workspace({ 'tone.prompt.yml': withLlmEvaluator('openai/gpt-4o') });
      const second = await runGate(other, inputs({ 'min-score': '0' }));
      expect(second.report.tables.find((t) => t.title === 'Notes')!.rows.join()).toMatch(
        /asks for model 'openai\/gpt-4o' \(llm.modelId\), which the judge endpoint does not serve: judged by 'test-model'/,
      );
    } finally {
      server.options.models = undefined;
    }
  });
});

describe('llm-quality-gate on a prompt file', () => {
  it('scores each testData row as gh models eval would (contains is case-insensitive)', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    const { report } = await runGate(dir, inputs({ 'min-score': '0.5' }));
    expect(report.outputs).toMatchObject({ passed: 2, failed: 1, errored: 0 });
    expect(report.verdict).toBe('pass');
    expect(report.outputs.score).toBeCloseTo(2 / 3, 3);
    const failing = report.findings.filter((f) => f.ruleId === 'eval/case-failed');
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({ file: 'prompts/support.prompt.yml', line: 15 });
    expect(failing[0]!.message).toContain('does not contain "DAYS"');
    const hats = report.data!.cases.find((c) => c.status === 'fail')!;
    expect(hats.reasons).toEqual([
      'mentions-days (contains "DAYS"): answer does not contain "DAYS"',
      'similar (github/similarity): judge score 0.00 (1/5) < pass',
    ]);
  });

  it('names the evaluator line of a placeholder the row does not set, before any request', async () => {
    const dir = workspace({
      'prompts/support.prompt.yml': support.replace('contains: DAYS', "contains: '{{unit}}'"),
    });
    const before = server.chatRequests;
    await expect(runGate(dir, inputs())).rejects.toMatchObject({
      message: expect.stringMatching(/evaluator 'mentions-days' uses \{\{unit\}\}/),
      file: 'prompts/support.prompt.yml',
      line: 18,
    });
    expect(server.chatRequests).toBe(before);
  });

  it('counts tokens sent this run only, and the judge apart from the model', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    const first = (await runGate(dir, inputs({ cache: 'true', 'min-score': '0' }))).report;
    const target = server.chats
      .slice(-6)
      .filter((c) => !String(c.messages?.at(-1)?.content).includes('SCORE'));
    expect(target).toHaveLength(3);
    expect(first.outputs['prompt-tokens']).toBeGreaterThan(0);
    expect(first.outputs['judge-prompt-tokens']).toBeGreaterThan(first.outputs['prompt-tokens'] as number);
    expect(first.metrics.find(([k]) => k === 'Judge tokens')).toBeDefined();
    const again = (await runGate(dir, inputs({ cache: 'true', 'min-score': '0' }))).report;
    expect(again.outputs).toMatchObject({
      requests: 0,
      'prompt-tokens': 0,
      'completion-tokens': 0,
      'judge-prompt-tokens': 0,
    });
  });

  it('ignores LLMOPS_TEST_DOUBLE with a warning in a GitHub Actions run', async () => {
    const dir = workspace({
      'prompts/support.prompt.yml': support,
      'double.json': JSON.stringify({ models: ['scripted'], answer: 'SCORE: 5 days' }),
    });
    const env = { LLMOPS_TEST_DOUBLE: `${dir}/double.json` };
    const actions = await runGate(dir, inputs({ 'min-score': '0' }), { ...env, GITHUB_ACTIONS: 'true' });
    expect(actions.log.join('\n')).toMatch(/^LLMOPS_TEST_DOUBLE is set but ignored/m);
    expect(actions.report.data!.notes.join('\n')).toMatch(/LLMOPS_TEST_DOUBLE was set and ignored/);
    expect(actions.report.data!.settings.model).toBe('test-model');
    const local = await runGate(dir, inputs({ 'min-score': '0' }), env);
    expect(local.report.data!.settings.model).toBe('scripted (test double)');
  });

  it('fails on min-score and names the reason', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    const { report } = await runGate(dir, inputs({ 'min-score': '0.9' }));
    expect(report.verdict).toBe('fail');
    expect(report.reasons.join()).toMatch(/below min-score 90.0%/);
  });

  it('is inconclusive, not silently passing, when an SLO had nothing measured', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    const { report } = await runGate(
      dir,
      inputs({ stream: 'false', 'slo-ttft-ms': '1000', 'min-score': '0.5' }),
    );
    expect(report.verdict).toBe('inconclusive');
    expect(report.reasons.join()).toMatch(/slo-ttft-ms is set, but no time to first token was measured/);
  });

  it('never answers a streamed run from answers cached without streaming', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    const cached = { cache: 'true', 'min-score': '0.5' };
    await runGate(dir, inputs({ ...cached, stream: 'false' }));
    const { report } = await runGate(dir, inputs({ ...cached, 'slo-ttft-ms': '1000' }));
    expect(report.outputs).toMatchObject({ requests: 6, 'cache-hits': 0 });
    expect(report.verdict).toBe('pass');
  });

  it('fails the step when every request fails', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    server.fail({ kind: 'status', status: 503 }, 1000);
    try {
      const { report } = await runGate(dir, inputs({ 'max-retries': '1', 'min-score': '0' }));
      expect(report.verdict).toBe('fail');
      expect(report.outputs).toMatchObject({ passed: 0, errored: 3 });
      expect(report.reasons.join()).toMatch(/3 of 3 cases errored/);
    } finally {
      (server as unknown as { faults: unknown[] }).faults.length = 0;
    }
  });

  it('keeps the api key and judge key out of the report when a 401 body echoes them', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    server.fail({ kind: 'echo-auth' }, 3);
    const { report } = await runGate(
      dir,
      inputs({ 'api-key': 'sk-target-0001', 'judge-api-key': 'sk-judge-0002', 'min-score': '0' }),
    );
    expect(report.outputs).toMatchObject({ errored: 3 });
    const text = JSON.stringify(report);
    expect(text).toContain('Bearer ***');
    expect(text).not.toContain('sk-target-0001');
    expect(text).not.toContain('sk-judge-0002');
  });

  it('passes after retries when each fault happens once', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    for (const fault of [
      { kind: 'status', status: 429, retryAfter: 0 },
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'stream-error' },
      { kind: 'malformed' },
      { kind: 'empty-choices' },
    ] as const) {
      server.fail(fault);
    }
    const before = server.chatRequests;
    const { report } = await runGate(
      dir,
      inputs({ 'max-retries': '6', 'min-score': '0.5', concurrency: '1' }),
    );
    expect(report.outputs).toMatchObject({ passed: 2, failed: 1, errored: 0 });
    expect(server.chatRequests - before).toBe(6 + 3 + 3);
    expect(report.verdict).toBe('pass');
  });

  it('counts a stalled stream as an error after the timeout, never a pass or a hang', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': support });
    server.fail({ kind: 'stall' }, 3);
    const { report } = await runGate(
      dir,
      inputs({ 'max-retries': '0', 'timeout-ms': '300', 'min-score': '0', 'max-error-rate': '0' }),
    );
    expect(report.outputs).toMatchObject({ errored: 3, passed: 0 });
    expect(report.data!.cases[0]!.reasons[0]).toMatch(/timed out/);
    expect(report.verdict).toBe('fail');
  });
});
