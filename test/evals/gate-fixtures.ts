import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GateReport } from '@llmops/evals';
import { runCommand } from '../helpers/run-command';

/** A temporary workspace with the given files (workspace-relative path → text). */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-gate-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

export { git } from '../helpers/git';

const runnerTemps = new Map<string, string>();

/** The workspace's own RUNNER_TEMP, as a job has: the default response cache lives there. */
export function runnerTemp(dir: string): string {
  let temp = runnerTemps.get(dir);
  if (!temp) runnerTemps.set(dir, (temp = mkdtempSync(path.join(tmpdir(), 'llmops-runner-temp-'))));
  return temp;
}

/** Run the gate as the action would, with action.yml defaults under the given inputs. */
export function runGate(
  dir: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<{ report: GateReport; log: string[] }> {
  return runCommand<GateReport>('llm-quality-gate', inputs, {
    workspace: dir,
    env: { RUNNER_TEMP: runnerTemp(dir), ...env },
  });
}
