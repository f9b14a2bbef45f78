import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './errors';

/** A path with symlinks resolved as far as it exists (a file that does not exist yet keeps its name). */
export function realPath(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    const parent = path.dirname(target);
    return parent === target ? target : path.join(realPath(parent), path.basename(target));
  }
}

/** The folder paths are resolved in: the runner's checkout, or the current directory (symlinks resolved). */
export function workspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return realPath(path.resolve(env.GITHUB_WORKSPACE || process.cwd()));
}

/** Whether `target` lies inside `root`, both already resolved. */
export function isWithin(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** Whether a path, symlinks resolved, lies inside the workspace. */
export function isInsideWorkspace(workspace: string, target: string): boolean {
  return isWithin(realPath(workspace), realPath(target));
}

/** The paths among many that, symlinks resolved, lie inside the workspace (resolving it once). */
export function insideWorkspace(workspace: string, targets: string[]): string[] {
  const root = realPath(workspace);
  return targets.filter((target) => isWithin(root, realPath(target)));
}

/**
 * Resolve a path from an input or a config file inside the workspace. A path that escapes it
 * (`../../etc/passwd`, an absolute path elsewhere, a symlink out) is an error: config files are untrusted.
 */
export function resolveInWorkspace(
  workspace: string,
  relative: string,
  context: { input?: string; file?: string; line?: number; from?: string } = {},
): string {
  const base = context.from ? path.dirname(context.from) : workspace;
  const resolved = path.resolve(base, relative);
  if (!isInsideWorkspace(workspace, resolved)) {
    const where = context.input ? `input '${context.input}'` : 'path';
    throw new UserError(`${where} '${relative}' resolves outside the workspace (${workspace})`, {
      file: context.file,
      line: context.line,
    });
  }
  return resolved;
}

/** Workspace-relative path with forward slashes, as annotations and SARIF want it. */
export function toWorkspacePath(workspace: string, absolute: string): string {
  return path.relative(workspace, absolute).split(path.sep).join('/');
}
