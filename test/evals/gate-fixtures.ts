import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readInputs, type RunContext } from '@llmops/core';
import { qualityGateInputs, runQualityGate, type GateReport } from '@llmops/evals';
import { parse } from 'yaml';

const spec = parse(
  readFileSync(path.resolve(import.meta.dirname, '../../actions/llm-quality-gate/action.yml'), 'utf8'),
) as {
  inputs: Record<string, { default?: string }>;
};

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

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  });
}

/** Run the gate as the action would, with action.yml defaults under the given inputs. */
export async function runGate(
  dir: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<{ report: GateReport; log: string[] }> {
  const values: Record<string, string> = {};
  for (const [name, s] of Object.entries(spec.inputs)) values[name] = String(s.default ?? '');
  Object.assign(values, { 'github-token': '', ...inputs });
  const parsed = readInputs(qualityGateInputs, (name) => values[name]);
  const log: string[] = [];
  const context: RunContext = {
    workspace: dir,
    env,
    log: (l) => log.push(l),
    signal: new AbortController().signal,
  };
  return { report: await runQualityGate(parsed, context), log };
}
