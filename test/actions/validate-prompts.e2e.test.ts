import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeGitHub, pullRequestEvent } from '../helpers/github-api';
import { closedPort } from '../helpers/ports';
import { repoRoot, runBundle } from '../helpers/run-bundle';
import { sarifErrors } from '../helpers/sarif';
import { promptYml, workspace } from '../evals/validate/fixtures';

const run = (cwd: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runBundle('validate-prompts', inputs, { cwd, env });

function examplesWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-examples-'));
  cpSync(path.join(repoRoot, 'examples'), path.join(dir, 'examples'), { recursive: true });
  return dir;
}

const broken = () =>
  workspace({
    'prompts/ok.prompt.yml': promptYml(),
    'prompts/syntax.prompt.yml': 'name: x\nmessages:\n  - role: user\n   content: bad indent\n',
    'prompts/vars.prompt.yml': promptYml({
      head: 'name: vars\nmodel: openai/gpt-4o',
      testData: 'testData:\n  - expected: nope',
    }),
  });

describe('validate-prompts bundle, run as the runner runs it', () => {
  it('passes the example project and sets every output', async () => {
    const ws = examplesWorkspace();
    const result = await run(ws, { 'models-file': 'examples/models.yml' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({
      verdict: 'pass',
      files: '4',
      prompts: '4',
      errors: '0',
      warnings: '0',
      'changed-prompts': '',
    });
    expect(Number(result.outputs['total-tokens'])).toBeGreaterThan(200);
    expect(Number(result.outputs['estimated-cost-usd'])).toBeGreaterThan(0);
    expect(result.summary).toContain('## ✅ validate-prompts: pass');
    expect(result.summary).toContain(
      '| examples/prompts/support.prompt.yml | support-assistant | openai/gpt-4o-mini |',
    );
    const report = JSON.parse(readFileSync(path.join(ws, result.outputs['report-path']!), 'utf8'));
    expect(report).toMatchObject({ action: 'validate-prompts', verdict: 'pass' });
  });

  it('passes two prompt files that share a display name, with one warning', async () => {
    const ws = workspace({
      'prompts/support.prompt.yml': promptYml({ head: 'name: Basic Prompt\nmodel: openai/gpt-4o' }),
      'prompts/billing.prompt.yml': promptYml({ head: 'name: Basic Prompt\nmodel: openai/gpt-4o' }),
    });
    const result = await run(ws);
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({
      verdict: 'pass',
      files: '2',
      prompts: '2',
      errors: '0',
      warnings: '1',
    });
    expect(result.annotations.filter((a) => a.props.title === 'prompt/duplicate-name')).toEqual([
      expect.objectContaining({
        level: 'warning',
        props: expect.objectContaining({ file: 'prompts/support.prompt.yml', line: '1' }),
      }),
    ]);
  });

  it('fails on broken files with annotations at file, line and column, and valid SARIF', async () => {
    const ws = broken();
    const result = await run(ws, { 'sarif-path': 'out/prompts.sarif' });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ verdict: 'fail', files: '3', prompts: '2', errors: '2' });
    const errors = result.annotations.filter((a) => a.level === 'error' && a.props.file);
    expect(errors.map((a) => [a.props.file, a.props.line, a.props.col, a.props.title])).toEqual(
      expect.arrayContaining([
        ['prompts/syntax.prompt.yml', '4', expect.any(String), 'yaml/syntax'],
        ['prompts/vars.prompt.yml', '9', '5', 'prompt/missing-variable'],
      ]),
    );
    expect(result.stdout).toMatch(/::error::validate-prompts: fail/);
    const sarif = JSON.parse(readFileSync(path.join(ws, 'out/prompts.sarif'), 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(result.summary).toContain('prompts/vars.prompt.yml:9:5');
  });

  it('shows at most 10 error annotations and rolls up the rest', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 15; i++) files[`p/${i}.prompt.yml`] = `name: p${i}\nmessages: 3\n`;
    const result = await run(workspace(files));
    const errors = result.annotations.filter((a) => a.level === 'error');
    // 8 findings, 1 roll-up, and the step's failure message: GitHub shows 10 per step.
    expect(errors).toHaveLength(10);
    expect(errors[8]!.message).toBe(
      '7 more errors not annotated here: see the job summary and the JSON report.',
    );
    expect(errors[9]!.message).toMatch(/^validate-prompts: fail/);
    expect(result.outputs.errors).toBe('15');
  });

  it.each([
    [{ 'fail-on': 'sometimes' }, "input 'fail-on' has value 'sometimes': expected one of error, warning"],
    [
      { 'max-prompt-tokens': '-5' },
      "input 'max-prompt-tokens' has value '-5': expected an integer from 0 to 2147483647",
    ],
    [{ paths: 'nothing/**/*.prompt.yml' }, "input 'paths' matched no files"],
    [
      { paths: '../elsewhere/*.prompt.yml' },
      "input 'paths' has value '../elsewhere/*.prompt.yml': globs must stay inside the workspace",
    ],
    [
      { 'models-file': 'models.yml' },
      "input 'models-file' has value 'models.yml': cannot read it (no such file)",
    ],
    [
      { 'models-file': '../../etc/passwd' },
      "input 'models-file' '../../etc/passwd' resolves outside the workspace",
    ],
  ])('bad input %j ends with one clear line and exit 1', async (inputs, message) => {
    const ws = workspace({ 'a.prompt.yml': promptYml() });
    const result = await run(ws, inputs);
    expect(result.code).toBe(1);
    const failures = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(message);
    expect(result.stdout).not.toMatch(/\n\s+at /); // no stack trace
    // Every bad input leaves this run's report (verdict fail, with the reason), whether the value
    // did not parse or failed once the run started: never an earlier run's report, never none.
    const reportFile = path.join(ws, 'llmops-validate-prompts-report.json');
    expect(result.outputs.verdict).toBe('fail');
    expect(JSON.parse(readFileSync(reportFile, 'utf8')).reasons[0]).toContain(message);
  });

  it('names file, line and column of a malformed models-file', async () => {
    const ws = workspace({
      'a.prompt.yml': promptYml(),
      'models.yml': 'models:\n  m:\n    context-window: lots\n',
    });
    const result = await run(ws, { 'models-file': 'models.yml' });
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error title=validate-prompts%3A error,file=models\.yml,line=3,col=21::models file: 'models\.m\.context-window': /,
      ),
    ]);
  });

  it('fails clearly when tokenize-url is unreachable', async () => {
    const port = await closedPort();
    const result = await run(workspace({ 'a.prompt.yml': promptYml() }), {
      'tokenize-url': `http://127.0.0.1:${port}`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `::error::input 'tokenize-url': cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });
});

describe('validate-prompts on a pull request', () => {
  let github: FakeGitHub;
  beforeEach(async () => (github = await new FakeGitHub().start()));
  afterEach(() => github.stop());

  it('upserts one sticky comment, masks the token, and batches check-run annotations by 50', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`p/${i}.prompt.yml`] = `name: p${i}\nmessages: []\n`;
    const ws = workspace(files);
    const eventPath = path.join(ws, 'event.json');
    writeFileSync(eventPath, pullRequestEvent(7));
    // Someone pasted our marker into their own comment: it must not receive the report.
    github.comments.push({
      id: 1,
      body: '<!-- llmops:validate-prompts -->\n## ✅ all good',
      user: { login: 'mallory', type: 'User' },
    });
    const token = 'ghs_faketoken1234567890';
    const inputs = { 'github-token': token, 'check-run': 'true' };
    const first = await run(ws, inputs, github.env(eventPath));
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`::add-mask::${token}`);
    expect(github.comments).toHaveLength(2);
    expect(github.comments[0]!.body).toContain('all good');
    expect(github.comments[1]!.body).toMatch(/^<!-- llmops:validate-prompts -->/);
    expect(github.comments[1]!.body).toContain('120 errors');

    writeFileSync(path.join(ws, 'p/0.prompt.yml'), promptYml());
    const second = await run(ws, inputs, github.env(eventPath));
    expect(second.code).toBe(1);
    expect(github.comments).toHaveLength(2);
    expect(github.comments[1]!.body).toContain('119 errors');
    expect(
      github.requests.filter((r) => r.method === 'PATCH' && r.url.includes('/issues/comments/')),
    ).toHaveLength(1);

    const [checkRun] = github.checkRuns;
    expect(checkRun!.body).toMatchObject({
      name: 'llmops validate-prompts',
      head_sha: 'b'.repeat(40),
      conclusion: 'failure',
    });
    expect(checkRun!.annotations).toHaveLength(120);
    const checkRequests = github.requests.filter((r) => r.url.includes('/check-runs'));
    // Each of the two runs: one create and two batch updates (120 annotations, 50 per request).
    expect(checkRequests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH', 'POST', 'PATCH', 'PATCH']);
  });
});
