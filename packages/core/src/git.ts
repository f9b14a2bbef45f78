import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UserError } from './errors';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Contents of a workspace-relative file at a git ref, or undefined when it does not exist there. */
export async function readFileAtRef(cwd: string, ref: string, file: string): Promise<string | undefined> {
  try {
    return await git(cwd, ['show', `${ref}:${file}`]);
  } catch {
    return undefined;
  }
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
