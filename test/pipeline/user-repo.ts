import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/run-bundle';
import type { Workflow } from './workflow';

// A user's repository as the README's adoption steps leave it: the starter workflows in
// .github/workflows (the default branch filled in), the reference manifests in deploy/k8s, the
// example prompt, eval suite and models file, and a Dockerfile. A git repository with `main`
// and, for a pull request, a branch with one change on it.

export const STARTERS = ['llmops-pr-checks.yml', 'llmops-release.yml'];

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' }).trim();

/** A starter workflow as copied into a repository whose default branch is `main`. */
export function starterWorkflow(file: string): string {
  return readFileSync(path.join(repoRoot, 'workflows-templates', file), 'utf8').replace(
    /\$default-branch/g,
    'main',
  );
}

export const parseWorkflowFile = (text: string): Workflow => parse(text) as Workflow;

/**
 * The reference checks with their windows in seconds instead of minutes, so a canary step's
 * analysis fits in a test: rank-sum points every 2 s (the test's Prometheus scrapes every second).
 */
export function testSpeedChecks(text: string): string {
  return text
    .replace(/window: (\d+)m\b/g, 'window: $1s')
    .replace(/^(\s*)test: rank-sum$/gm, '$1test: rank-sum\n$1rate-window: 2s\n$1min-samples: 4')
    .replace(/min-samples: 50\b/g, 'min-samples: 20');
}

export interface UserRepo {
  dir: string;
  /** The model the workflows' env names (what the test servers must serve). */
  model: string;
  mainSha: string;
  /** The pull request's branch and commit, when one was made. */
  branch?: string;
  headSha?: string;
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

function initialFiles(model: string): Record<string, string> {
  const example = (file: string) => readFileSync(path.join(repoRoot, 'examples', file), 'utf8');
  const manifests = path.join(repoRoot, 'workflows-templates/manifests');
  const files: Record<string, string> = {
    'prompts/support.prompt.yml': example('prompts/support.prompt.yml').replace(
      /^model: .*$/m,
      `model: ${model}`,
    ),
    'evals/support.eval.yml': example('evals/support.eval.yml'),
    '.github/llm-models.yml': example('models.yml'),
    Dockerfile: 'FROM vllm/vllm-openai:v0.6.3\nCOPY chat-template.jinja /templates/\n',
    'chat-template.jinja': '{{ messages }}\n',
  };
  for (const file of STARTERS) files[`.github/workflows/${file}`] = starterWorkflow(file);
  for (const file of readdirSync(manifests)) {
    const text = readFileSync(path.join(manifests, file), 'utf8');
    files[`deploy/k8s/${file}`] = file === 'checks.yml' ? testSpeedChecks(text) : text;
  }
  return files;
}

/** A change a pull request makes: files to write, relative to the repository root. */
export type Change = (read: (file: string) => string) => Record<string, string>;

export function userRepository(change?: { branch: string; message: string; files: Change }): UserRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-user-repo-'));
  const release = parseWorkflowFile(starterWorkflow('llmops-release.yml'));
  const model = String(release.env?.MODEL);
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.email', 'dev@acme.test');
  git(dir, 'config', 'user.name', 'Acme Dev');
  writeFiles(dir, initialFiles(model));
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'Adopt the llmops starter workflows');
  const repo: UserRepo = { dir, model, mainSha: git(dir, 'rev-parse', 'HEAD') };
  if (!change) return repo;
  git(dir, 'checkout', '--quiet', '-b', change.branch);
  writeFiles(
    dir,
    change.files((file) => readFileSync(path.join(dir, file), 'utf8')),
  );
  git(dir, 'commit', '--quiet', '-am', change.message);
  repo.branch = change.branch;
  repo.headSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '--quiet', 'main');
  return repo;
}

/** Merge the pull request (fast forward): `main` is now its head, as after "Rebase and merge". */
export function merge(repo: UserRepo): string {
  git(repo.dir, 'merge', '--quiet', '--ff-only', repo.branch!);
  return git(repo.dir, 'rev-parse', 'HEAD');
}
