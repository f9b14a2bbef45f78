import type { z } from 'zod';
import { UserError } from './errors';
import { readWorkspaceJson } from './files';
import { VERSION } from './version';

/** Reports are read back only from the same release line: semver major, or minor while major is 0. */
function sameLine(a: string, b: string): boolean {
  const line = (v: string) => {
    const [major, minor] = v.split('.');
    return major === '0' ? `0.${minor}` : major;
  };
  return line(a) === line(b);
}

/**
 * An action's JSON report read back (a baseline, a shard to merge, last night's run), as publish
 * wrote it (`{version, ...report}`): the action, the llmops release line and the shape of `data`
 * are checked, each failure one line naming the input and the file.
 */
export function readReport<S extends z.ZodType>(
  workspace: string,
  file: string,
  expected: { input: string; action: string; data: S },
): z.output<S> {
  const { input, action, data } = expected;
  const report = readWorkspaceJson(workspace, file, { input }).data as Record<string, unknown> | null;
  const where = `input '${input}': ${file}`;
  if (!report || typeof report !== 'object' || report.action !== action)
    throw new UserError(`${where} is not a report of ${action}`);
  if (typeof report.version !== 'string' || !sameLine(report.version, VERSION)) {
    const written = typeof report.version === 'string' ? `llmops ${report.version}` : 'no llmops version';
    throw new UserError(
      `${where} is a report of ${written}, and this is llmops ${VERSION}: re-run ${action} with this version to write one it can read`,
    );
  }
  const parsed = data.safeParse(report.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = ['data', ...issue.path].join('.');
    throw new UserError(`${where} is not a report of ${action} in this shape: '${at}': ${issue.message}`);
  }
  return parsed.data;
}
