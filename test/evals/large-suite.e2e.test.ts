import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { runGate, workspace } from './gate-fixtures';

// 200,000 cases once overflowed the stack (`cases.push(...loaded.cases)`): every array of cases,
// findings or rows is now appended in a loop, which `no-restricted-syntax` keeps so in packages/.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ answer: 'a' });
});
afterAll(() => server.stop());

it('loads a 200,000-case suite and runs its shard', async () => {
  const rows: string[] = [];
  for (let i = 0; i < 200_000; i++) rows.push(`- q: ${i}\n`);
  const dir = workspace({
    'big.prompt.yml': `messages:\n- role: user\n  content: '{{q}}'\nevaluators:\n- name: a\n  string:\n    contains: a\ntestData:\n${rows.join('')}`,
  });
  const { report, log } = await runGate(dir, {
    'base-url': server.url,
    model: 'test-model',
    cache: 'false',
    // The whole suite is loaded; this shard's cases (about 100) are sent.
    shard: '1/2000',
  });
  expect(log[0]).toMatch(/^1 suite files, \d+ cases in shard 1\/2000$/);
  expect(report.verdict).toBe('pass');
  expect(Number(report.outputs.passed)).toBeGreaterThan(50);
}, 60_000);
