import type { Report } from '@llmops/core';
import { commands } from '../../packages/cli/src/commands';
import { actionDefaults } from './run-bundle';

/**
 * Run an action's command in-process as the runner would: its action.yml defaults, then the given
 * inputs, parsed by the command's own schema. Returns the report and the log lines.
 */
export async function runCommand<R extends Report = Report>(
  action: string,
  inputs: Record<string, string>,
  options: { workspace: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<{ report: R; log: string[] }> {
  const command = await commands[action]!();
  const values = { ...actionDefaults(action), ...inputs };
  const log: string[] = [];
  const report = await command
    .read((name) => values[name])
    .execute({
      workspace: options.workspace,
      env: options.env ?? {},
      log: (line) => log.push(line),
      signal: options.signal ?? new AbortController().signal,
    });
  return { report: report as R, log };
}
