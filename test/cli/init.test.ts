import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { parse } from 'yaml';
import { parseInitArgs } from '../../packages/cli/src/init/args';
import { runInit } from '../../packages/cli/src/init/init';
import { runGate } from '../evals/gate-fixtures';
import { git } from '../helpers/git';
import { repoRoot } from '../helpers/run-bundle';

/** A new repository (`git init -b <branch>`), optionally holding files copied from `from`. */
function repository(branch: string, from?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-init-'));
  git(dir, 'init', '-q', '-b', branch);
  if (from) cpSync(from, path.join(dir, 'prompts'), { recursive: true });
  return dir;
}

async function init(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runInit(parseInitArgs(['--llmops', 'acme/llmops@v1', ...args]), {
    cwd,
    llmopsRoot: repoRoot,
    print: (line) => lines.push(line),
    fail: (line) => lines.push(line),
  });
  return { code, out: lines.join('\n') };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const ghModels = path.join(repoRoot, 'test/fixtures/gh-models');

describe('llmops init on an empty repository', () => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = repository('trunk');
    const result = await init(dir);
    expect(result.code).toBe(0);
    out = result.out;
  });

  it('writes both workflows on the repository’s default branch with the chosen llmops, no placeholder left', () => {
    const pr = read(dir, '.github/workflows/llmops-pr-checks.yml');
    const release = read(dir, '.github/workflows/llmops-release.yml');
    expect(parse(pr).on.pull_request.branches).toEqual(['trunk']);
    expect(parse(release).on.push.branches).toEqual(['trunk']);
    for (const text of [pr, release]) {
      expect(text).not.toMatch(/\$default-branch|llmops-dev\/|<owner>/);
      expect(text).toMatch(/uses: acme\/llmops\/actions\/llm-quality-gate@v1/);
    }
  });

  it('uses the built-in smoke suite, needs no models file, and adds the image and istio manifests', () => {
    expect(existsSync(path.join(dir, 'evals'))).toBe(false);
    expect(existsSync(path.join(dir, '.github/llm-models.yml'))).toBe(false);
    expect(parse(read(dir, '.github/workflows/llmops-pr-checks.yml')).env.SYSTEM_PROMPT_FILE).toBe('');
    expect(out).toMatch(/First suite: builtin:smoke/);
    expect(read(dir, 'Dockerfile')).toMatch(/^FROM vllm\/vllm-openai:[\w.]+@sha256:[0-9a-f]{64}$/m);
    expect(existsSync(path.join(dir, '.dockerignore'))).toBe(true);
    expect(readdirSync(path.join(dir, 'deploy/k8s')).sort()).toEqual(
      readdirSync(path.join(repoRoot, 'workflows-templates/manifests')).sort(),
    );
  });

  it('prints every secret and variable the workflows read, by environment', () => {
    expect(out).toMatch(
      /^ {2}repository: secrets LLM_EVAL_API_KEY, LLM_JUDGE_API_KEY; variables .*LLM_EVAL_URL/m,
    );
    expect(out).toMatch(
      /^ {2}environment 'staging': secrets KUBECONFIG, LLM_API_KEY; variables STAGING_LLM_URL$/m,
    );
    expect(out).toMatch(
      /^ {2}environment 'production': secrets .*PROMETHEUS_TOKEN.*variables .*PROMETHEUS_URL/m,
    );
    expect(out).not.toMatch(/GITHUB_TOKEN/);
  });

  it('never overwrites a changed file without --force (exit 1), and does with it', async () => {
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM my-own-image\n');
    const again = await init(dir);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/kept {5}Dockerfile \(exists; --force overwrites it\)/);
    expect(again.out).toMatch(/same {5}\.github\/workflows\/llmops-release\.yml/);
    expect(read(dir, 'Dockerfile')).toBe('FROM my-own-image\n');
    const forced = await init(dir, '--force');
    expect(forced.code).toBe(0);
    expect(read(dir, 'Dockerfile')).toMatch(/^FROM vllm/m);
  });
});

describe('llmops init on a repository with GitHub Models prompt files', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      models: ['gpt-4o'],
      answer: '{"title": "AI", "summary": "Hello there."}',
    });
  });
  afterAll(() => server.stop());

  it('writes a first suite per prompt file with testData, which the quality gate runs', async () => {
    const dir = repository('main', ghModels);
    const { code, out } = await init(dir);
    expect(code).toBe(0);
    expect(readdirSync(path.join(dir, 'evals')).sort()).toEqual([
      'json-response.eval.yml',
      'sample.eval.yml',
    ]);
    expect(out).toMatch(/prompts\/summarizer\.prompt\.yml: has \{\{variables\}\} but no testData rows/);
    // safety-tests puts the app's system prompt before its probes: the first prompt file with one.
    expect(parse(read(dir, '.github/workflows/llmops-release.yml')).env.SYSTEM_PROMPT_FILE).toBe(
      'prompts/json-response.prompt.yml',
    );
    const json = parse(read(dir, 'evals/json-response.eval.yml'));
    expect(json.prompt).toBe('../prompts/json-response.prompt.yml');
    expect(json.cases.map((c: { vars: unknown }) => c.vars)).toEqual([
      { topic: 'artificial intelligence' },
      { topic: 'climate change' },
    ]);
    expect(json.cases[0].assert).toEqual([{ 'not-refusal': true }, { 'is-json': true }]);
    // The suites init wrote load and run: 2 + 2 cases, each asked through its prompt file.
    const { report } = await runGate(dir, {
      'base-url': server.url,
      model: 'gpt-4o',
      suites: 'evals/*.eval.yml',
      cache: 'false',
    });
    expect(report.outputs.passed).toBe(4);
    expect(report.verdict).toBe('pass');
    expect(server.chats.some((c) => /climate change/.test(JSON.stringify(c.messages)))).toBe(true);
  });
});

describe('llmops init options', () => {
  it('--dry-run prints the files and writes nothing', async () => {
    const dir = repository('main');
    const { code, out } = await init(dir, '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(
      /would write \.github\/workflows\/llmops-pr-checks\.yml:\n {4}\| # llmops pull-request checks/,
    );
    expect(readdirSync(dir)).toEqual(['.git']);
  });

  it("applies the chosen router's overlay, and says which canary-step inputs it needs", async () => {
    const dir = repository('main');
    const { out } = await init(dir, '--router', 'kserve');
    expect(read(dir, 'deploy/k8s/kustomization.yaml')).toMatch(/^resources:\n {2}- overlays\/kserve$/m);
    expect(existsSync(path.join(dir, 'deploy/k8s/overlays/kserve/kustomization.yaml'))).toBe(true);
    expect(out).toMatch(
      /deploy\/k8s applies overlays\/kserve; .*overlays\/kserve\/kustomization\.yaml lists them/,
    );
    const blueGreen = repository('main');
    await init(blueGreen, '--router', 'service');
    expect(read(blueGreen, 'deploy/k8s/kustomization.yaml')).toMatch(/^ {2}- overlays\/blue-green$/m);
  });

  it('exits 2 with one line outside a git repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llmops-init-nogit-'));
    const { code, out } = await init(dir);
    expect(code).toBe(2);
    expect(out).toMatch(/^llmops init: .* is not in a git repository: run 'git init' first/);
    expect(out.split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [
      ['--router', 'nginx'],
      /--router has value 'nginx': expected one of istio, gateway-api, kserve, service/,
    ],
    [['--llmops', 'acme'], /--llmops has value 'acme': expected <owner>\/<name>@<ref>/],
    [['--yes'], /unknown argument '--yes'/],
  ])('rejects bad usage %j', (args, message) => {
    expect(() => parseInitArgs(args)).toThrow(message);
  });
});
