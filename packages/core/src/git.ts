import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from './errors';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  // quotePath off: non-ASCII paths come back as they are, not as quoted octal escapes.
  const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export async function gitTopLevel(cwd: string): Promise<string> {
  return (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

/**
 * Contents of a file (path relative to the repository root) at a git ref, or undefined when the
 * file does not exist there. Any other git failure is an error, not a "new file".
 */
export async function readFileAtRef(cwd: string, ref: string, repoPath: string): Promise<string | undefined> {
  try {
    await git(cwd, ['cat-file', '-e', `${ref}:${repoPath}`]);
  } catch {
    return undefined;
  }
  return git(cwd, ['show', `${ref}:${repoPath}`]);
}

/** Workspace-relative paths (forward slashes) that differ from `base`, committed or not, untracked included. */
export async function changedFilesSince(workspace: string, base: string): Promise<Set<string>> {
  const top = await gitTopLevel(workspace);
  const diff = await git(workspace, ['diff', '-z', '--name-only', base, '--', '.']);
  const untracked = await git(workspace, [
    'ls-files',
    '-z',
    '--others',
    '--exclude-standard',
    '--full-name',
    '--',
    '.',
  ]);
  return new Set(
    `${diff}\0${untracked}`
      .split('\0')
      .filter(Boolean)
      .map((f) => path.relative(workspace, path.join(top, f)).split(path.sep).join('/')),
  );
}

/**
 * The commit to compare against: the merge base of HEAD and the ref, so a PR is compared with
 * where it branched. Tries `origin/<ref>` too, as runners check out the base only as a remote.
 */
export async function resolveBaseRef(cwd: string, ref: string): Promise<string> {
  for (const candidate of [ref, `origin/${ref}`]) {
    try {
      return (await git(cwd, ['merge-base', 'HEAD', candidate])).trim();
    } catch {
      // try the next spelling
    }
  }
  throw new UserError(
    `base ref '${ref}' is not in the local clone; check out with 'fetch-depth: 0' (actions/checkout) or fetch the base branch`,
  );
}

/** The PR's base branch from the runner's environment, when there is one. */
export function defaultBaseRef(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GITHUB_BASE_REF || undefined;
}
