import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await run('git', args, { cwd })).stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The top of the git work tree around `cwd`, or undefined outside one. */
export async function repositoryRoot(cwd: string): Promise<string | undefined> {
  return git(cwd, ['rev-parse', '--show-toplevel']);
}

/**
 * The branch pull requests target: the remote's default (origin/HEAD) when the clone knows it,
 * else the branch checked out (in a new repository, the unborn one `git init` named).
 */
export async function defaultBranch(root: string): Promise<string> {
  const remote = await git(root, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD']);
  if (remote) return remote.replace(/^origin\//, '');
  return (await git(root, ['symbolic-ref', '--short', 'HEAD'])) ?? 'main';
}

/** `owner/name` of a GitHub remote URL (https or ssh), or undefined. */
export function githubRepository(url: string): string | undefined {
  const match = /github\.com[:/]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** `owner/name@v1` of the GitHub repository the llmops checkout at `root` was cloned from. */
export async function llmopsRepository(root: string): Promise<string | undefined> {
  const url = await git(root, ['remote', 'get-url', 'origin']);
  const repo = url && githubRepository(url);
  return repo ? `${repo}@v1` : undefined;
}

/** The nearest folder at or above `from` holding `workflows-templates/` (the llmops checkout). */
export function findTemplatesRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'workflows-templates', 'llmops-pr-checks.yml'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
