import type { Report } from '@llmops/core';
import { runCommand } from '../helpers/run-command';

/** Run trivy-wrap in-process as the runner would: action.yml defaults, then the given inputs. */
export function runTrivyWrap(
  inputs: Record<string, string>,
  options: { workspace: string; env?: Record<string, string> },
): Promise<{ report: Report; log: string[] }> {
  return runCommand('trivy-wrap', inputs, {
    workspace: options.workspace,
    env: { PATH: process.env.PATH ?? '', ...options.env },
  });
}

export { sarifErrors as sarifSchemaErrors } from '../helpers/sarif';
