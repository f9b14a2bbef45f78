import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { workspace } from '../evals/gate-fixtures';
import { closedPort } from '../helpers/ports';
import { runBundle } from '../helpers/run-bundle';

// Run after `node scripts/build.mjs llm-quality-gate safety-tests`: the bundles the runner executes.
const suite = `name: s
cases:
  - messages: [{role: user, content: "hi"}]
    assert: [{contains: "OK"}]
`;

/** Lines of output that show a secret, besides the runner's own `::add-mask::` registrations. */
const leaks = (stdout: string, ...secrets: string[]) =>
  stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && secrets.some((s) => l.includes(s)));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('URL inputs', () => {
  it.each(['llm-quality-gate', 'safety-tests'])(
    '%s: credentials in base-url are masked and never printed, even in the failure line',
    async (action) => {
      const port = await closedPort();
      const url = `http://alice:hunter2-pw@127.0.0.1:${port}/v1?api_key=sk-query-777&x=1`;
      const run = await runBundle(
        action,
        { 'base-url': url, model: 'm' },
        { cwd: workspace({ 'evals/s.eval.yml': suite }) },
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('::add-mask::hunter2-pw');
      expect(run.stdout).toContain('::add-mask::sk-query-777');
      expect(leaks(run.stdout + run.stderr, 'hunter2-pw', 'sk-query-777')).toEqual([]);
      expect(run.stdout).toContain(
        `::error::base-url http://***@127.0.0.1:${port}/v1?api_key=***&x=1 is unreachable`,
      );
    },
  );

  it('sends user:password@ as basic auth to /models and the chat requests alike', async () => {
    const auth: string[] = [];
    server.http!.on('request', (req) => auth.push(String(req.headers.authorization)));
    const url = server.url.replace('http://', 'http://alice:hunter2-pw@');
    const run = await runBundle(
      'llm-quality-gate',
      { 'base-url': url, model: 'test-model', cache: 'false' },
      { cwd: workspace({ 'evals/s.eval.yml': suite }) },
    );
    expect(run.outputs).toMatchObject({ verdict: 'pass', requests: '1' });
    const basic = `Basic ${Buffer.from('alice:hunter2-pw').toString('base64')}`;
    expect(auth).toEqual([basic, basic]);
    expect(leaks(run.stdout, 'hunter2-pw', Buffer.from('alice:hunter2-pw').toString('base64'))).toEqual([]);
  });

  it.each([
    ['base-url', 'notaurl', "input 'base-url' has value 'notaurl': expected an http:// or https:// URL"],
    [
      'base-url',
      'http://[::1',
      "input 'base-url' has value 'http://[::1': expected an http:// or https:// URL",
    ],
    [
      'judge-base-url',
      'ftp://judge/v1',
      "input 'judge-base-url' has value 'ftp://judge/v1': expected an http:// or https:// URL, not ftp:",
    ],
    [
      'base-url',
      'http://bob:s3cret-pw@[::1',
      "input 'base-url' has value 'http://bob:***@[::1': expected an http:// or https:// URL",
    ],
  ])('a bad %s (%s) is one line naming input, value and what is allowed', async (input, value, line) => {
    const run = await runBundle(
      'llm-quality-gate',
      { 'base-url': server.url, model: 'test-model', [input]: value },
      { cwd: workspace({ 'evals/s.eval.yml': suite }) },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::${line}`);
    expect(run.stdout).not.toMatch(/crashed|at .*\.js:\d+/);
    expect(leaks(run.stdout, 's3cret-pw')).toEqual([]);
  });
});
