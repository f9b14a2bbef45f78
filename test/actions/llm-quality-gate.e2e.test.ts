import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { FakeGitHub, pullRequestEvent } from '../helpers/github-api';
import { runBundle } from '../helpers/run-bundle';
import { workspace } from '../evals/gate-fixtures';

// Run after `node scripts/build.mjs llm-quality-gate`: this is the bundle the runner executes.
let server: TestServer;
let github: FakeGitHub;
beforeAll(async () => {
  server = await startTestServer({
    rules: [
      { match: 'return', reply: 'Returns are accepted within 30 days.' },
      { match: 'express', reply: 'Express takes about a week. Email <b>@octocat</b> for help.' },
    ],
  });
  github = await new FakeGitHub().start();
});
afterAll(async () => {
  await server.stop();
  await github.stop();
});

const suite = `name: support
cases:
  - name: refund-window
    messages: [{role: user, content: "Can I return shoes?"}]
    assert:
      - contains: "30 days"
  - name: express
    messages: [{role: user, content: "How fast is express shipping?"}]
    expected: "1-2 business days"
    assert:
      - contains: "1-2 business days"
`;

describe('llm-quality-gate bundle', () => {
  it('comments on the PR, annotates the failing case, writes JSON and JUnit, and fails the step', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
    writeFileSync(eventPath, pullRequestEvent(7));
    // The job's RUNNER_TEMP holds the response cache; the second run gets it back, as from actions/cache.
    const env = { ...github.env(eventPath), RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'runner-temp-')) };
    const run = await runBundle(
      'llm-quality-gate',
      {
        'base-url': server.url,
        model: 'test-model',
        'api-key': 'sk-test-secret-123',
        'junit-path': 'out/junit.xml',
        'github-token': 'ghs_token',
        'check-run': 'true',
      },
      { cwd: dir, env },
    );
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      verdict: 'fail',
      score: '0.5',
      passed: '1',
      failed: '1',
      errored: '0',
      requests: '2',
    });
    const annotation = run.annotations.find((a) => a.props.file === 'evals/support.eval.yml');
    expect(annotation).toMatchObject({ level: 'error', props: { line: '7' } });
    const leaks = run.stdout.split('\n').filter((l) => l.includes('sk-test-secret-123'));
    expect(leaks).toEqual(['::add-mask::sk-test-secret-123']);
    const comment = github.comments[0]!.body;
    expect(comment).toContain('<!-- llmops:llm-quality-gate -->');
    expect(comment).toContain('score 50.0%');
    expect(comment).toContain('Failing cases');
    expect(comment).not.toContain('<b>');
    expect(comment).not.toMatch(/@octocat/);
    expect(github.checkRuns[0]!.annotations).toEqual([
      expect.objectContaining({ path: 'evals/support.eval.yml', start_line: 7 }),
    ]);
    const junit = readFileSync(path.join(dir, 'out/junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="support" tests="2" failures="1" errors="0"');
    const report = JSON.parse(readFileSync(path.join(dir, 'llmops-llm-quality-gate-report.json'), 'utf8'));
    expect(report.data.cases).toHaveLength(2);
    expect(run.summary).toContain('Latency in milliseconds');

    // A second run edits the same comment and is served from the cache.
    const again = await runBundle(
      'llm-quality-gate',
      { 'base-url': server.url, model: 'test-model', 'github-token': 'ghs_token' },
      { cwd: dir, env },
    );
    expect(again.outputs).toMatchObject({ requests: '0', 'cache-hits': '2' });
    expect(github.comments).toHaveLength(1);
  });

  it('compares the candidate with production: agreement, score drop and the disagreeing case in the comment', async () => {
    const production = await startTestServer({
      models: ['prod-model'],
      rules: [
        { match: 'return', reply: 'Returns are accepted within 30 days.' },
        { match: 'express', reply: 'Express takes 1-2 business days.' },
      ],
    });
    try {
      const dir = workspace({ 'evals/support.eval.yml': suite });
      const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
      writeFileSync(eventPath, pullRequestEvent(9));
      const key = 'sk-production-key-777';
      const run = await runBundle(
        'llm-quality-gate',
        {
          'base-url': server.url,
          model: 'test-model',
          'compare-base-url': production.url,
          'compare-model': 'prod-model',
          'compare-api-key': key,
          'min-agreement': '0.9',
          cache: 'false',
          'github-token': 'ghs_token',
        },
        { cwd: dir, env: github.env(eventPath) },
      );
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({
        verdict: 'fail',
        agreement: '0.5',
        'compare-score': '1',
        'score-drop': '0.5',
        requests: '4',
      });
      expect(production.chatRequests).toBe(2);
      const comment = github.comments.find((c) => c.body.includes('Disagreements with production'))!.body;
      expect(comment).toContain('below min-agreement 90.0%');
      expect(comment).toMatch(/\| express \| evals\/support\.eval\.yml:7 \| fail \| pass \|/);
      expect(comment).not.toContain('<b>');
      const leaks = run.stdout.split('\n').filter((l) => l.includes(key));
      expect(leaks).toEqual([`::add-mask::${key}`]);
    } finally {
      await production.stop();
    }
  });

  it('keeps the API key out of every report when the server echoes it in a 401 body', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
    writeFileSync(eventPath, pullRequestEvent(8));
    server.fail({ kind: 'echo-auth' }, 2);
    const key = 'sk-leaky-key-4242';
    const run = await runBundle(
      'llm-quality-gate',
      {
        'base-url': server.url,
        model: 'test-model',
        'api-key': key,
        cache: 'false',
        'junit-path': 'out/junit.xml',
        'github-token': 'ghs_token',
        'check-run': 'true',
      },
      { cwd: dir, env: github.env(eventPath) },
    );
    expect(run.outputs).toMatchObject({ verdict: 'fail', errored: '2' });
    const report = readFileSync(path.join(dir, 'llmops-llm-quality-gate-report.json'), 'utf8');
    expect(report).toContain('HTTP 401: Incorrect API key provided: Bearer ***');
    const comment = github.comments.find((c) => c.body.includes('Incorrect API key'))!.body;
    const junit = readFileSync(path.join(dir, 'out/junit.xml'), 'utf8');
    const checkRun = JSON.stringify(github.checkRuns);
    for (const text of [report, run.summary, comment, junit, checkRun]) expect(text).not.toContain(key);
  });

  it('fails fast with the served models when the model is not served', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    const before = server.chatRequests;
    const run = await runBundle('llm-quality-gate', { 'base-url': server.url, model: 'gpt-9' }, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("model 'gpt-9' is not served by");
    expect(run.stdout).toContain('it serves: test-model');
    expect(server.chatRequests).toBe(before);
  });

  it('refuses a timeout-ms past what a timer holds before any request (it fired after 1 ms)', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    const before = server.chatRequests;
    const run = await runBundle(
      'llm-quality-gate',
      { 'base-url': server.url, model: 'test-model', 'timeout-ms': '3000000000' },
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.annotations.map((a) => a.message)).toContain(
      "input 'timeout-ms' has value '3000000000': expected an integer from 1 to 2147483647",
    );
    expect(run.stdout).not.toMatch(/at .*\.js:\d+/);
    expect(server.chatRequests).toBe(before);
  });

  it('names the suite file and line of a bad suite', async () => {
    const dir = workspace({
      'evals/bad.eval.yml':
        'cases:\n  - messages: [{role: user, content: hi}]\n    assert:\n      - regex: "(("\n',
    });
    const run = await runBundle(
      'llm-quality-gate',
      { 'base-url': server.url, model: 'test-model' },
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.annotations[0]).toMatchObject({
      level: 'error',
      props: { file: 'evals/bad.eval.yml', line: '4' },
    });
    expect(run.annotations[0]!.message).toMatch(/bad regex/);
  });

  it('fails the step when every request fails', async () => {
    const dir = workspace({ 'evals/support.eval.yml': suite });
    server.fail({ kind: 'status', status: 500 }, 6);
    const run = await runBundle(
      'llm-quality-gate',
      { 'base-url': server.url, model: 'test-model', 'max-retries': '2', cache: 'false' },
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', errored: '2', requests: '6' });
  });
});
