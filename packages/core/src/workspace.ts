import path from 'node:path';
import { UserError } from './errors';

/** The folder paths are resolved in: the runner's checkout, or the current directory. */
export function workspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GITHUB_WORKSPACE || process.cwd());
}

/**
 * Resolve a path from an input or a config file inside the workspace. A path that escapes it
 * (`../../etc/passwd`, an absolute path elsewhere) is an error: config files are untrusted.
 */
export function resolveInWorkspace(
  workspace: string,
  relative: string,
  context: { input?: string; file?: string; line?: number; from?: string } = {},
): string {
  const base = context.from ? path.dirname(context.from) : workspace;
  const resolved = path.resolve(base, relative);
  const rel = path.relative(workspace, resolved);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
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
