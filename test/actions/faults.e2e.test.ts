import { spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { closedPort } from '../helpers/ports';
import { repoRoot, runBundle, type BundleRun } from '../helpers/run-bundle';
import { workspace } from '../evals/gate-fixtures';

// Faults and bad input through the bundles, as the runner runs them (build first:
// `node scripts/build.mjs llm-quality-gate safety-tests metric-gate cli`).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ answer: 'Hello there.' });
});
afterAll(() => server.stop());

const suite = `name: s
cases:
  - name: greet
    messages: [{role: user, content: "Say hello"}]
    assert:
      - contains: "goodbye"
`;

const gate = (dir: string, inputs: Record<string, string>, options: Parameters<typeof runBundle>[2] = {}) =>
  runBundle(
    'llm-quality-gate',
    { 'base-url': server.url, model: 'test-model', cache: 'false', ...inputs },
    { cwd: dir, ...options },
  );

const report = (dir: string, file = 'llmops-llm-quality-gate-report.json') =>
  JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
    verdict: string;
    headline: string;
    reasons: string[];
  };

// What the runner would take as a workflow command: it splits stdout on \r as well as \n.
const commandLines = (run: BundleRun) =>
  run.stdout.split(/\r\n|[\r\n\u0085\u2028\u2029]/).filter((l) => /^\s*::/.test(l));
const noStack = (run: BundleRun) => expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at \S+ \(/);

describe('every ending writes the report, the summary and the verdict (item 18)', () => {
  it('a bad input: one line, and the stale report is replaced by this run’s failure', async () => {
    const dir = workspace({
      'evals/s.eval.yml': suite,
      'llmops-llm-quality-gate-report.json': '{"verdict":"pass"}',
    });
    const run = await gate(dir, { concurrency: 'lots' });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    const written = report(dir);
    expect(written.verdict).toBe('fail');
    expect(written.reasons.join(' ')).toMatch(/input 'concurrency' has value 'lots'/);
    expect(`${run.stdout}${run.stderr}`.match(/input 'concurrency' has value 'lots'/g)).toHaveLength(1);
    noStack(run);
  });

  it('connection refused: verdict fail with the reason, and the stale report is replaced', async () => {
    const dir = workspace({
      'evals/s.eval.yml': suite,
      'llmops-llm-quality-gate-report.json': '{"verdict":"pass"}',
    });
    const run = await gate(dir, { 'base-url': `http://127.0.0.1:${await closedPort()}/v1` });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.outputs['report-path']).toBe('llmops-llm-quality-gate-report.json');
    const written = report(dir);
    expect(written.verdict).toBe('fail');
    expect(written.reasons.join(' ')).toMatch(/127\.0\.0\.1/);
    expect(run.summary).toMatch(/fail/i);
    noStack(run);
  });

  it('a bad suite file is annotated on its line and still gets a report', async () => {
    const dir = workspace({ 'evals/s.eval.yml': 'name: s\ncases: [\n' });
    const run = await gate(dir, {});
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.annotations.some((a) => a.props.file === 'evals/s.eval.yml' && a.props.line)).toBe(true);
    expect(report(dir).verdict).toBe('fail');
  });
});

describe('a report that cannot be written is one line; summary and outputs still go out (item 15)', () => {
  it.each(['.', '/dev/full'])('report-path: %s', async (reportPath) => {
    const dir = workspace({ 'evals/s.eval.yml': suite });
    const run = await gate(dir, { 'report-path': reportPath });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.outputs.score).toBe('0');
    expect(run.summary).toContain('greet');
    const line = run.stdout
      .split('\n')
      .filter((l) => l.includes(`input 'report-path' has value '${reportPath}'`));
    expect(line).toHaveLength(1);
    noStack(run);
  });
});

describe('a job summary that cannot be written (item 15)', () => {
  it('is one line; the report and outputs are still written', async () => {
    const dir = workspace({ 'evals/s.eval.yml': suite });
    const run = await gate(dir, {}, { env: { GITHUB_STEP_SUMMARY: '/dev/full' } });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(report(dir).verdict).toBe('fail');
    expect(run.stdout.split('\n').filter((l) => l.includes('cannot write the job summary'))).toHaveLength(1);
    noStack(run);
  });
});

describe('output files never follow a symlink at the final path (item 8)', () => {
  it('replaces a committed link instead of writing through it', async () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'victim-')), 'victim.txt');
    writeFileSync(outside, 'keep me\n');
    const dir = workspace({ 'evals/s.eval.yml': suite });
    symlinkSync(outside, path.join(dir, 'llmops-llm-quality-gate-report.json'));
    symlinkSync(outside, path.join(dir, 'junit.xml'));
    const run = await gate(dir, { 'junit-path': 'junit.xml' });
    expect(run.outputs.verdict).toBe('fail');
    expect(readFileSync(outside, 'utf8')).toBe('keep me\n');
    expect(report(dir).verdict).toBe('fail');
    expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toContain('<testsuite');
  });

  it('refuses a report path whose folder is a link out of the workspace', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'victim-'));
    const dir = workspace({ 'evals/s.eval.yml': suite });
    symlinkSync(outside, path.join(dir, 'out'));
    const run = await gate(dir, { 'report-path': 'out/r.json' });
    expect(run.code).toBe(1);
    expect(existsSync(path.join(outside, 'r.json'))).toBe(false);
    expect(run.stdout).toMatch(
      /input 'report-path' has value 'out\/r\.json': cannot write the file \(its folder resolves outside/,
    );
    expect(run.outputs.verdict).toBe('fail');
  });
});

describe('files named by inputs stay inside the workspace (item 7)', () => {
  it('merge-reports: /etc/passwd is refused without echoing the file', async () => {
    const dir = workspace({});
    const run = await gate(dir, { 'merge-reports': '/etc/passwd' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("input 'merge-reports' has value '/etc/passwd'");
    expect(
      `${run.stdout}${run.summary}${readFileSync(path.join(dir, 'llmops-llm-quality-gate-report.json'))}`,
    ).not.toMatch(/root:/);
  });

  it('merge-reports never reads a linked file out, and a non-report shows no content', async () => {
    const dir = workspace({ 'shards/b.json': 'root:x:0:0:secret-line\n' });
    symlinkSync('/etc/passwd', path.join(dir, 'shards/a.json'));
    const run = await gate(dir, { 'merge-reports': 'shards/*.json' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('shards/b.json is not valid JSON');
    expect(run.stdout).not.toMatch(/root:|secret-line/);
  });

  it('suites: a symlinked suite pointing out of the workspace is not read', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, 'x.eval.yml'), suite.replace('greet', 'outside-case'));
    const dir = workspace({ 'evals/s.eval.yml': suite });
    symlinkSync(path.join(outside, 'x.eval.yml'), path.join(dir, 'evals/x.eval.yml'));
    symlinkSync(outside, path.join(dir, 'linked'));
    const run = await gate(dir, { suites: '**/*.eval.yml\nlinked/*.eval.yml' });
    expect(run.outputs.requests).toBe('1');
    expect(readFileSync(path.join(dir, 'llmops-llm-quality-gate-report.json'), 'utf8')).not.toContain(
      'outside-case',
    );
    const climbing = await gate(dir, { suites: `${outside}/*.eval.yml` });
    expect(climbing.stdout).toContain('globs must stay inside the workspace');
    expect(climbing.outputs.verdict).toBe('fail');
  });

  it('safety-tests: custom-packs with an absolute path is refused', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'pack-'));
    writeFileSync(path.join(outside, 'p.yml'), 'pack: p\nprobes:\n  - prompt: hi\n    expect: refuse\n');
    const dir = workspace({});
    const before = server.chatRequests;
    const run = await runBundle(
      'safety-tests',
      { 'base-url': server.url, model: 'test-model', 'custom-packs': `${outside}/p.yml`, packs: 'none' },
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`input 'custom-packs' has value '${outside}/p.yml': globs must stay inside`);
    expect(run.outputs.verdict).toBe('fail');
    expect(server.chatRequests).toBe(before);
  });
});

describe('YAML alias bombs are one line (item 13)', () => {
  it('an eval suite that expands without bound fails on its file, no stack', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    const dir = workspace({ 'evals/bomb.eval.yml': `${levels.join('\n')}\nname: bomb\n` });
    const run = await gate(dir, {});
    expect(run.code).toBe(1);
    const errors = run.annotations.filter(
      (a) => a.level === 'error' && a.props.file === 'evals/bomb.eval.yml',
    );
    expect(errors[0]!.message).toMatch(/too many aliases/);
    expect(run.outputs.verdict).toBe('fail');
    noStack(run);
  });
});

describe('secrets in encodings are redacted (item 11)', () => {
  it('the key base64-, hex- and url-encoded in an answer reaches no file', async () => {
    const key = 'sk-live-Key/With+Odd=Chars';
    const forms = [
      Buffer.from(key).toString('base64'),
      Buffer.from(`x${key}`).toString('base64url'),
      Buffer.from(key).toString('hex'),
      encodeURIComponent(key),
      [...key].reverse().join(''),
    ];
    const leaky = await startTestServer({ answer: `Here: ${forms.join(' ; ')}` });
    try {
      const dir = workspace({ 'evals/s.eval.yml': suite });
      const run = await gate(dir, { 'base-url': leaky.url, 'api-key': key, 'junit-path': 'j.xml' });
      expect(run.outputs.verdict).toBe('fail');
      const files = [
        run.summary,
        readFileSync(path.join(dir, 'llmops-llm-quality-gate-report.json'), 'utf8'),
        readFileSync(path.join(dir, 'j.xml'), 'utf8'),
      ].join('\n');
      expect(files).toContain('Here:');
      for (const form of [key, ...forms]) expect(files).not.toContain(form);
    } finally {
      await leaky.stop();
    }
  });
});

describe('outside text cannot start a workflow command (item 12)', () => {
  let prom: Server;
  let url: string;
  beforeAll(async () => {
    prom = createServer((_, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'error',
          errorType: 'bad_data',
          error: 'boom\r::notice::INJECTED\u2028::warning::TWO',
        }),
      );
    });
    await new Promise<void>((r) => prom.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(prom.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => prom.close(r)));

  it('a Prometheus error body with \\r and U+2028 stays in its line', async () => {
    const run = await runBundle('metric-gate', {
      'prometheus-url': url,
      checks: '- name: q\n  query: up\n  max: 1',
      interval: '1s',
      count: '1',
    });
    expect(run.stdout).toContain('INJECTED');
    expect(commandLines(run).filter((l) => /^\s*::(notice|warning)::(INJECTED|TWO)/.test(l))).toEqual([]);
    expect(run.summary).not.toMatch(/[\r\u2028]/);
  });
});

describe('cancellation (item 5)', () => {
  it('SIGTERM during a stalled request ends within seconds, with the report', async () => {
    const stalled = await startTestServer({ answer: 'x' });
    stalled.fail({ kind: 'stall' }, 10);
    try {
      const dir = workspace({ 'evals/s.eval.yml': suite });
      let child: ChildProcess | undefined;
      const started = Date.now();
      const signalled = new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (stalled.chatRequests > 0 && child) {
            clearInterval(timer);
            child.kill('SIGTERM');
            resolve();
          }
        }, 20);
      });
      const running = gate(
        dir,
        { 'base-url': stalled.url, stream: 'true', 'timeout-ms': '600000', 'max-retries': '0' },
        { onSpawn: (c) => (child = c), timeoutMs: 30_000 },
      );
      await signalled;
      const at = Date.now();
      const run = await running;
      expect(Date.now() - at).toBeLessThan(5_000);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(run.code).toBe(1);
      expect(run.outputs.verdict).toBe('inconclusive');
      const written = report(dir);
      expect(written.verdict).toBe('inconclusive');
      expect(written.reasons.join(' ')).toMatch(/cancelled \(SIGTERM\)/);
      expect(run.summary).toMatch(/cancelled/);
    } finally {
      await stalled.stop();
    }
  });
});

describe('CLI flags (item 17)', () => {
  const cli = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/index.js'), ...args], {
      cwd,
      encoding: 'utf8',
    });

  it.each([
    [['llm-quality-gate', '--base-url', 'http://127.0.0.1:9/v1', '--model']],
    [['llm-quality-gate', '--model', '--base-url', 'http://127.0.0.1:9/v1']],
  ])('a flag without a value is a usage error naming it: %j', (args) => {
    const result = cli(repoRoot, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("llmops: flag '--model' needs a value: --model <value> or --model=<value>\n");
  });

  it('a boolean input may be a bare flag', () => {
    const dir = workspace({
      'a.prompt.yml': 'name: a\nmodel: gpt-4o\nmessages:\n  - role: user\n    content: hi\n',
    });
    const result = cli(
      dir,
      'validate-prompts',
      '--paths',
      '*.prompt.yml',
      '--comment',
      '--fail-on-inconclusive',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
