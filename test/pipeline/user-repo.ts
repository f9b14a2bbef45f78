import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/run-bundle';
import type { Workflow } from './workflow';

// A user's repository as adoption leaves it: an app with a support prompt, then `llmops init`
// (the CLI bundle, as `npx llmops init` runs it) writes the starter workflows for its default
// branch, the Dockerfile, deploy/k8s and a first suite; the user adds a suite of their own. A git
// repository with `main` and, for a pull request, a branch with one change on it.

export const STARTERS = ['llmops-pr-checks.yml', 'llmops-release.yml'];
/** The llmops copy the workflows' `uses:` name (Acme's own, as `--llmops` allows); the runner runs this checkout's bundles for it. */
const LLMOPS = 'acme/llmops@v1';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' }).trim();

export const parseWorkflowFile = (text: string): Workflow => parse(text) as Workflow;

/** A workflow of the repository as it is at `commit` (GitHub runs the file of the commit it runs). */
export function workflowAt(repo: UserRepo, file: string, commit: string): Workflow {
  return parseWorkflowFile(git(repo.dir, 'show', `${commit}:.github/workflows/${file}`));
}

/** A starter template as llmops ships it (for the job names; the runs use the user's copies). */
export const starterTemplate = (file: string): Workflow =>
  parseWorkflowFile(readFileSync(path.join(repoRoot, 'workflows-templates', file), 'utf8'));

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
  /** What `llmops init` printed. */
  initOutput: string;
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

const example = (file: string) => readFileSync(path.join(repoRoot, 'examples', file), 'utf8');

/** `llmops init` at the repository's root, through the CLI bundle; its output. */
function llmopsInit(dir: string): string {
  const cli = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'dist/cli/index.js'), 'init', '--llmops', LLMOPS],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  if (cli.status !== 0) throw new Error(`llmops init exited ${cli.status}:\n${cli.stdout}${cli.stderr}`);
  return cli.stdout;
}

/**
 * What the test changes in what init wrote, each because a test cannot wait as long as a
 * release does (the other test-only values are step inputs: world.ts' testSpeedOverrides):
 * - deploy/k8s/checks.yml: the canary checks' 10-minute windows become 10 seconds (one
 *   rank-sum point per 2 s instead of per minute), or one canary step would take 10 minutes.
 */
function testOverrides(dir: string): void {
  const checks = path.join(dir, 'deploy/k8s/checks.yml');
  writeFileSync(checks, testSpeedChecks(readFileSync(checks, 'utf8')));
}

/** A change a pull request makes: files to write, relative to the repository root. */
export type Change = (read: (file: string) => string) => Record<string, string>;

export function userRepository(change?: { branch: string; message: string; files: Change }): UserRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-user-repo-'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.email', 'dev@acme.test');
  git(dir, 'config', 'user.name', 'Acme Dev');
  // The app's prompt, on the model it serves (the one the starter workflows name), then init:
  // it writes the workflows, image, manifests and a first suite for the prompt; then the user
  // adds a suite of their own with the policy checks that matter to them.
  const model = String(starterTemplate('llmops-release.yml').env?.MODEL);
  writeFiles(dir, {
    'prompts/support.prompt.yml': example('prompts/support.prompt.yml').replace(
      /^model: .*$/m,
      `model: ${model}`,
    ),
  });
  const initOutput = llmopsInit(dir);
  writeFiles(dir, { 'evals/support-policy.eval.yml': example('evals/support.eval.yml') });
  testOverrides(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'Adopt llmops (llmops init)');
  const repo: UserRepo = { dir, model, mainSha: git(dir, 'rev-parse', 'HEAD'), initOutput };
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
