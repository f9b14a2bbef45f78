import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { runCommand } from '../helpers/run-command';
import { runGate, workspace, writeFiles } from './gate-fixtures';

let server: TestServer;
/** Every HTTP request the server got (GET /models included), and the most chat requests open at once. */
let received = 0;
let open = 0;
let mostOpen = 0;
beforeAll(async () => {
  server = await startTestServer({
    models: ['test-model', 'judge-model'],
    latencyMs: 40,
    answer: (body) =>
      JSON.stringify(body.messages).includes('SCORE: <1-5>')
        ? 'States it.\nSCORE: 5'
        : 'Returns are accepted within 30 days.',
  });
  server.http!.on('request', (req, res) => {
    received++;
    if (req.method !== 'POST') return;
    mostOpen = Math.max(mostOpen, ++open);
    res.on('close', () => open--);
  });
});
afterAll(() => server.stop());

const judged = (n: number) =>
  `name: returns\ncases:\n${Array.from(
    { length: n },
    (_, i) => `  - messages: [{role: user, content: "Can I return shoes, order ${i}?"}]
    assert: [{judge: "States the return window"}]
`,
  ).join('')}`;

const unknownAssertion =
  'name: bad\ncases:\n  - messages: [{role: user, content: hi}]\n    assert: [{sounds-right: yes}]\n';

describe('endpoints', () => {
  it('counts concurrency per endpoint: the judge on the model endpoint shares its limit', async () => {
    mostOpen = 0;
    const ws = workspace({ 'returns.eval.yml': judged(12) });
    const { report } = await runGate(ws, {
      'base-url': server.url,
      model: 'test-model',
      'judge-model': 'judge-model',
      concurrency: '3',
      cache: 'false',
      stream: 'false',
    });
    expect(report.outputs.passed).toBe(12);
    expect(report.outputs.requests).toBe(24);
    expect(mostOpen).toBe(3);
  });

  it.each<[string, Record<string, string>, string | RegExp]>([
    ['cache-dir outside the workspace', { 'cache-dir': '../elsewhere' }, /cache-dir.*outside the workspace/],
    ['a baseline report that is not there', { baseline: 'reports/missing.json' }, /missing\.json/],
    ['a shard out of range', { shard: '3/2' }, "input 'shard' has value '3/2'"],
    [
      'a suite with an unknown assertion',
      { suites: 'broken/bad.eval.yml' },
      /unknown assertion 'sounds-right'/,
    ],
    ['no model', { model: '' }, "input 'model' is required"],
  ])('llm-quality-gate: %s fails before any request', async (_, bad, message) => {
    const ws = workspace({ 'returns.eval.yml': judged(2) });
    if (bad.suites) writeFiles(ws, { [bad.suites]: unknownAssertion });
    const before = received;
    await expect(
      runGate(ws, { 'base-url': server.url, model: 'test-model', cache: 'true', ...bad }),
    ).rejects.toThrow(message);
    expect(received).toBe(before);
  });

  it('safety-tests: no model fails before any request', async () => {
    const before = received;
    await expect(
      runCommand('safety-tests', { 'base-url': server.url, packs: 'harmful' }, { workspace: workspace({}) }),
    ).rejects.toThrow("input 'model' is required");
    expect(received).toBe(before);
  });
});
