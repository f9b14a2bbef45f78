import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { UserError } from './errors';
import { insideWorkspace, isWithin, realPath, resolveInWorkspace, toWorkspacePath } from './workspace';

/** Who names a file: an input, or a key in a config file (for the one error line). */
export interface PathSource {
  input?: string;
  file?: string;
  line?: number;
  /** Resolve relative to this file's folder (a path inside a config file). */
  from?: string;
}

export interface WorkspaceFile {
  absolute: string;
  /** Workspace-relative, forward slashes: for messages, annotations and SARIF. */
  relative: string;
  text: string;
}

function named(value: string, source: PathSource): string {
  return source.input ? `input '${source.input}' has value '${value}'` : `'${value}'`;
}

// Only the error code: a message may quote the file (JSON.parse does), and the file may be a secret.
function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'cannot read it';
}

/**
 * The one way a file named by an input or a config file is read: resolved inside the workspace
 * (symlinks too), then read. Errors name the input and path, never the file's content.
 */
export function readWorkspaceFile(workspace: string, value: string, source: PathSource = {}): WorkspaceFile {
  const absolute = resolveInWorkspace(workspace, value, source);
  let text: string;
  try {
    // Config files are small; a sync read keeps every caller (sync or async) on this one path.
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = reason(error);
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code;
    throw new UserError(`${named(value, source)}: cannot read it (${why})`, {
      file: source.file,
      line: source.line,
    });
  }
  return { absolute, relative: toWorkspacePath(workspace, absolute), text };
}

/** Read a JSON file from the workspace; a parse error says where, never what the file holds. */
export function readWorkspaceJson(
  workspace: string,
  value: string,
  source: PathSource = {},
): { file: WorkspaceFile; data: unknown } {
  const file = readWorkspaceFile(workspace, value, source);
  try {
    return { file, data: JSON.parse(file.text) as unknown };
  } catch {
    throw new UserError(`${named(value, source)}: ${file.relative} is not valid JSON`, {
      file: source.file,
      line: source.line,
    });
  }
}

/**
 * Workspace files matching globs, absolute and sorted. Patterns that climb out (`..`, absolute)
 * are refused, and matches are kept only if, symlinks resolved, they stay inside: a pull request
 * controls the workspace and could commit a link to /etc/passwd.
 */
export async function findWorkspaceFiles(
  workspace: string,
  patterns: readonly string[],
  options: { input: string; ignore?: string[]; dot?: boolean },
): Promise<string[]> {
  for (const pattern of patterns) {
    const cleaned = pattern.replace(/^!/, '');
    if (path.isAbsolute(cleaned) || cleaned.split(/[\\/]/).includes('..')) {
      throw new UserError(
        `input '${options.input}' has value '${pattern}': globs must stay inside the workspace (no absolute paths, no '..')`,
      );
    }
  }
  const matched = await glob([...patterns], {
    cwd: workspace,
    absolute: true,
    onlyFiles: true,
    dot: options.dot ?? false,
    ignore: options.ignore ?? ['**/node_modules/**', '**/.git/**'],
    followSymbolicLinks: false,
  });
  return insideWorkspace(workspace, matched).sort();
}

/**
 * The one writer of output files (reports, JUnit, SARIF). The final path is never followed: the
 * text goes to a temporary file in the same folder and is renamed over it, which replaces a
 * symlink itself, not its target. A relative path (or one under the workspace) must stay inside
 * the workspace with symlinked folders resolved; an absolute path elsewhere (runner.temp) is the
 * user's choice. A device, FIFO or folder at the path is refused.
 */
export async function writeOutputFile(
  workspace: string,
  value: string,
  text: string,
  source: { input: string },
): Promise<string> {
  const target = path.resolve(workspace, value);
  const fail = (why: string) =>
    new UserError(`input '${source.input}' has value '${value}': cannot write the file (${why})`);
  const root = realPath(workspace);
  if (isWithin(path.resolve(workspace), target) && !isWithin(root, realPath(path.dirname(target))))
    throw fail(`its folder resolves outside the workspace (${workspace})`);
  let existing;
  try {
    existing = lstatSync(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw fail('it is a folder');
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) throw fail('it is not a regular file');
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw fail(reason(error));
  }
  return target;
}
