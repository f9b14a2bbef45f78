import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { git } from '../helpers/git';
import { repoRoot } from '../helpers/run-bundle';
import { promptYml, workspace } from '../evals/validate/fixtures';

const cli = path.join(repoRoot, 'dist/cli/index.js');
const llmops = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

describe('llmops CLI', () => {
  it('lists commands, and inputs from action.yml', () => {
    const help = llmops(repoRoot, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/validate-prompts\s+Lint prompt files/);
    const inputs = llmops(repoRoot, 'validate-prompts', '--help');
    expect(inputs.status).toBe(0);
    expect(inputs.stdout).toContain('--require-version-bump');
    expect(inputs.stdout).toContain('(default: error)');
  });

  it('runs an action locally with its input names as flags and exits 0 on pass', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llmops-cli-'));
    cpSync(path.join(repoRoot, 'examples'), path.join(dir, 'examples'), { recursive: true });
    const result = llmops(
      dir,
      'validate-prompts',
      '--models-file',
      'examples/models.yml',
      '--report-path=out/r.json',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^validate-prompts: PASS — 4 files, 4 prompts: 0 errors, 0 warnings/);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/r.json'), 'utf8')).outputs.prompts).toBe(4);
  });

  it('exits 1 on a failing verdict and prints the findings', () => {
    const ws = workspace({ 'a.prompt.yml': promptYml({ testData: 'testData:\n  - other: 1' }) });
    const result = llmops(ws, 'validate-prompts', '--paths', '*.prompt.yml');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/validate-prompts: FAIL/);
    expect(result.stdout).toMatch(/a\.prompt\.yml:12:5\s+prompt\/missing-variable/);
  });

  it.each([
    [['deploy-everything'], /unknown command 'deploy-everything'; commands are: validate-prompts/],
    [['validate-prompts', '--colour', 'red'], /unknown input '--colour'; inputs are: paths, models-file/],
    [
      ['validate-prompts', '--fail-on', 'never'],
      /input 'fail-on' has value 'never': expected one of error, warning/,
    ],
    [['validate-prompts', 'stray'], /unexpected argument 'stray'/],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const result = llmops(repoRoot, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 on a bad input found once the run has started, with its report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llmops-cli-'));
    const result = llmops(
      dir,
      'safety-tests',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--model',
      'm',
      '--system-prompt',
      'Be nice.',
      '--system-prompt-file',
      'prompt.txt',
    );
    expect(result.status).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /inputs 'system-prompt' and 'system-prompt-file' are both set/,
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'llmops-safety-tests-report.json'), 'utf8')).verdict).toBe(
      'fail',
    );
  });

  it('names the place of a bad suite, threshold or baseline report in one line, before any request', () => {
    const gate = ['--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--comment', 'false'];
    const ws = workspace({
      'p.prompt.yml': 'name: p\nmessages:\n  - role: user\n    content: hi\n',
      'typo.eval.yml': 'prompt: p.prompt.yml\ncases:\n  - name: c\n    asert: []\n',
      'good.eval.yml': 'prompt: p.prompt.yml\ncases:\n  - name: c\n    assert: [{contains: x}]\n',
      'old.json': JSON.stringify({ version: '0.0.3', action: 'llm-quality-gate', data: { cases: [] } }),
    });
    const suite = llmops(ws, 'llm-quality-gate', '--suites', 'typo.eval.yml', ...gate);
    expect(suite.status).toBe(1);
    expect(suite.stderr).toMatch(
      /^llmops: typo\.eval\.yml:4:5: unknown case key 'asert'; known: name, vars, messages, expected, weight, assert$/m,
    );
    const baseline = llmops(
      ws,
      'llm-quality-gate',
      '--suites',
      'good.eval.yml',
      '--baseline',
      'old.json',
      ...gate,
    );
    expect(baseline.status).toBe(1);
    expect(baseline.stderr).toMatch(
      /^llmops: input 'baseline': old\.json is a report of llmops 0\.0\.3, and this is llmops \d+\.\d+\.\d+: re-run llm-quality-gate/m,
    );
    const thresholds = llmops(ws, 'safety-tests', ...gate, '--thresholds', 'harmful: 0.02\njailbreak: high');
    expect(thresholds.status).toBe(2);
    expect(thresholds.stderr).toMatch(/pack 'jailbreak' has limit 'high' \(line 2, column 12\)/);
  });

  it('init scaffolds a git repository from the templates beside the bundle, and exits 2 outside one', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'llmops-cli-init-'));
    const refused = llmops(outside, 'init', '--llmops', 'acme/llmops@v1');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^llmops init: .* is not in a git repository: run 'git init' first/);
    expect(readdirSync(outside)).toEqual([]);
    const repo = mkdtempSync(path.join(tmpdir(), 'llmops-cli-init-'));
    git(repo, 'init', '-q', '-b', 'main');
    const done = llmops(repo, 'init', '--llmops', 'acme/llmops@v1');
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/wrote {4}\.github\/workflows\/llmops-release\.yml/);
    expect(readFileSync(path.join(repo, '.github/workflows/llmops-pr-checks.yml'), 'utf8')).toMatch(
      /uses: acme\/llmops\/actions\/validate-prompts@v1/,
    );
    expect(llmops(repo, '--help').stdout).toMatch(/^ {2}init {2,}Scaffold llmops/m);
  });
});
