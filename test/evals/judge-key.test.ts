import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { runCommand } from '../helpers/run-command';
import { workspace } from './gate-fixtures';

// One rule in both commands: api-key goes to the judge only when the judge is the same endpoint.
let model: TestServer;
let judge: TestServer;
const seen = new Map<TestServer, string[]>();
beforeAll(async () => {
  model = await startTestServer({ answer: 'Returns are accepted within 30 days.' });
  judge = await startTestServer({
    models: ['judge'],
    answer: (body) =>
      /harmful/i.test(JSON.stringify(body.messages))
        ? '{"harmful": false, "reason": "refuses"}'
        : 'Fine.\nSCORE: 5',
  });
  for (const s of [model, judge]) {
    seen.set(s, []);
    s.http!.on('request', (req) => seen.get(s)!.push(String(req.headers.authorization)));
  }
});
afterAll(async () => {
  await model.stop();
  await judge.stop();
});

const suite = `name: s
cases:
  - messages: [{role: user, content: "Can I return shoes?"}]
    assert: [{judge: "States the return window"}]
`;

const KEY = 'sk-model-key-0001';

describe('judge-api-key', () => {
  it.each(['llm-quality-gate', 'safety-tests'])(
    '%s: api-key is never sent to a judge on another endpoint',
    async (action) => {
      seen.get(judge)!.length = 0;
      const common = {
        'base-url': model.url,
        model: 'test-model',
        'api-key': KEY,
        'judge-base-url': judge.url,
      };
      const extra: Record<string, string> =
        action === 'safety-tests'
          ? { packs: 'harmful', 'judge-model': 'judge' }
          : { 'judge-model': 'judge', cache: 'false' };
      const ws = action === 'safety-tests' ? workspace({}) : workspace({ 's.eval.yml': suite });
      await runCommand(action, { ...common, ...extra }, { workspace: ws });
      expect(seen.get(judge)!.length).toBeGreaterThan(1);
      expect(seen.get(judge)!.filter((h) => h.includes(KEY))).toEqual([]);

      // The same endpoint spelled without /v1 is the same endpoint: its key goes with it.
      seen.get(model)!.length = 0;
      await runCommand(
        action,
        {
          ...common,
          ...extra,
          'judge-base-url': model.url.replace(/\/v1$/, ''),
          'judge-model': 'test-model',
        },
        { workspace: ws },
      );
      expect(seen.get(model)!.every((h) => h === `Bearer ${KEY}`)).toBe(true);
    },
  );
});
