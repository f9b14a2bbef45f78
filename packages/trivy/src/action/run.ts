import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError, type RunContext } from '@llmops/core';
import { collectFindings, gateFindings, type GateResult } from '../findings';
import { installTrivy } from '../install';
import { runTrivy, trivyArgs, trivyEnv, type TrivyExit } from '../run-trivy';
import { parseTrivyReport, type TrivyReport } from '../schema';
import type { TrivyWrapPlan } from './plan';

/** Trivy itself failed (no verdict on the target), or its report gated. */
export type TrivyWrapResult =
  { failed: TrivyExit } | { gate: GateResult; report: TrivyReport; trivyVersion: string | undefined };

export function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' ⏎ ');
}

/** Install (or take) Trivy, run it with JSON output in a temporary folder, and gate its report. */
export async function runTrivyWrap(plan: TrivyWrapPlan, context: RunContext): Promise<TrivyWrapResult> {
  const { workspace, env, log } = context;
  const trivy = plan.trivyPath
    ? { path: plan.trivyPath, version: undefined }
    : await installTrivy({ version: plan.trivyVersion, env, log });

  const tmp = await mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), 'llmops-trivy-'));
  try {
    const output = path.join(tmp, 'trivy-report.json');
    const configFile = path.join(tmp, 'empty.yaml');
    await writeFile(configFile, '');
    let ignoreFile: string;
    if ('file' in plan.ignore) ignoreFile = plan.ignore.file;
    else {
      ignoreFile = path.join(tmp, plan.ignore.text ? '.trivyignore' : 'empty.trivyignore');
      await writeFile(ignoreFile, plan.ignore.text);
    }
    const args = trivyArgs({
      scanType: plan.scanType,
      target: plan.scanTarget,
      output,
      scanners: plan.scanners,
      cacheDir: plan.cacheDir,
      skipDbUpdate: plan.skipDbUpdate,
      ignoreFile,
      configFile,
      timeoutMs: plan.timeoutMs,
    });
    const child = trivyEnv(env);
    if (child.removed.length)
      log(
        `Not passing ${child.removed.join(', ')} to Trivy: they would filter findings before the gate (use trivy-wrap's inputs)`,
      );
    if (plan.scanType === 'config' && plan.scanners.length)
      log('scan-type config scans misconfigurations only: scanners ignored');
    log(`Running ${trivy.path} ${args.join(' ')}`);
    const exit = await runTrivy(trivy.path, args, {
      env: child.env,
      cwd: workspace,
      timeoutMs: plan.timeoutMs,
      signal: context.signal,
    });
    log(
      `Trivy finished in ${Math.round(exit.durationMs / 1000)}s with exit code ${exit.exitCode ?? exit.signal}`,
    );
    if (exit.exitCode !== 0) return { failed: exit };

    let json: string;
    try {
      json = await readFile(output, 'utf8');
    } catch {
      throw new UserError(
        `Trivy exited 0 but wrote no report to ${output}; its stderr ends: ${lastLines(exit.stderr, 3)}`,
      );
    }
    const report = parseTrivyReport(json, 'Trivy output');
    const findings = collectFindings(report, {
      scanType: plan.scanType,
      workspace,
      scanRoot: plan.scanRoot,
      dockerfile: plan.dockerfile,
    });
    const gate = gateFindings(findings, {
      gated: plan.gated,
      ignoreUnfixed: plan.ignoreUnfixed,
      allowlist: plan.allowlist,
      now: new Date(),
    });
    return { gate, report, trivyVersion: report.Trivy?.Version ?? trivy.version };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
