import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  readWorkspaceFile,
  redactSecrets,
  resolveInWorkspace,
  UserError,
  type Report,
  type RunContext,
  defineCommand,
} from '@llmops/core';
import { loadAllowlist } from './allowlist';
import { collectFindings, gateFindings } from './findings';
import { trivyWrapInputs, type TrivyWrapInputs } from './inputs';
import { installTrivy } from './install';
import { dockerfilePlace, type LocateContext } from './locations';
import { ACTION, buildReport } from './report';
import { runTrivy, trivyArgs, trivyEnv, type TrivyExit } from './run-trivy';
import { parseTrivyReport } from './schema';
import { gatedSeverities } from './severity';

export const TRIVY_SARIF_TOOL = {
  name: 'llmops-trivy-wrap',
  informationUri: 'https://github.com/llmops/llmops',
};

/** A local path input: relative to the workspace, or absolute (a runner's own tool or cache folder). */
function localPath(workspace: string, value: string): string {
  return path.resolve(workspace, value);
}

const isUrl = (target: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || /^git@/.test(target);

/**
 * `trivyignores` as one `--ignorefile`: Trivy takes a single file, so several plain ones are
 * joined; none is an empty file, so Trivy never falls back to the workspace's `.trivyignore`.
 */
async function ignoreFile(inputs: TrivyWrapInputs, workspace: string, tmp: string): Promise<string> {
  const files = inputs.trivyignores.map((file) =>
    resolveInWorkspace(workspace, file, { input: 'trivyignores' }),
  );
  if (files.length === 0) {
    const empty = path.join(tmp, 'empty.trivyignore');
    await writeFile(empty, '');
    return empty;
  }
  if (files.length === 1) return files[0]!;
  if (files.some((file) => /\.ya?ml$/i.test(file))) {
    throw new UserError(
      "input 'trivyignores': a YAML ignore file (.trivyignore.yaml) must be the only one given",
    );
  }
  const parts = inputs.trivyignores.map(
    (file) => readWorkspaceFile(workspace, file, { input: 'trivyignores' }).text,
  );
  const joined = path.join(tmp, '.trivyignore');
  await writeFile(joined, parts.join('\n'));
  return joined;
}

function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' ⏎ ');
}

/** Trivy itself failed: no verdict on the image, and never a pass. */
function failedScanReport(exit: TrivyExit, target: string): Report {
  const how = exit.timedOut
    ? 'was killed after hanging past its timeout'
    : exit.exitCode === null
      ? `was stopped by ${exit.signal}`
      : `exited with code ${exit.exitCode}`;
  const stderr = redactSecrets(lastLines(exit.stderr, 8));
  const reasons = [`Trivy ${how}${stderr ? `: ${stderr}` : ' and wrote nothing to stderr'}`];
  if (/TOOMANYREQUESTS|rate.?limit|429/i.test(exit.stderr)) {
    reasons.push(
      'The vulnerability database download was rate-limited: cache the database with actions/cache and set skip-db-update (see the trivy-wrap usage in the README).',
    );
  }
  return {
    action: ACTION,
    verdict: 'inconclusive',
    headline: `Trivy failed to scan ${target}: no verdict`,
    reasons,
    metrics: [],
    tables: [],
    findings: [],
    outputs: {},
    data: {
      trivy: {
        exitCode: exit.exitCode,
        signal: exit.signal,
        timedOut: exit.timedOut,
        stderr: redactSecrets(exit.stderr),
      },
    },
  };
}

async function runTrivyWrap(inputs: TrivyWrapInputs, context: RunContext): Promise<Report> {
  const { workspace, env, log } = context;
  const scanType = inputs['scan-type'];
  const rawTarget = inputs.target ?? (scanType === 'image' ? undefined : '.');
  if (!rawTarget)
    throw new UserError("input 'target' is required for scan-type image: the image reference to scan");
  const local = scanType !== 'image' && !(scanType === 'repo' && isUrl(rawTarget));
  const target = local ? resolveInWorkspace(workspace, rawTarget, { input: 'target' }) : rawTarget;

  const allowlist = inputs.allowlist ? await loadAllowlist(workspace, inputs.allowlist) : undefined;

  const trivy = inputs['trivy-path']
    ? { path: localPath(workspace, inputs['trivy-path']), version: undefined }
    : await installTrivy({ version: inputs['trivy-version'], env, log });

  const tmp = await mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), 'llmops-trivy-'));
  try {
    const output = path.join(tmp, 'trivy-report.json');
    const configFile = path.join(tmp, 'empty.yaml');
    await writeFile(configFile, '');
    const args = trivyArgs({
      scanType,
      target,
      output,
      scanners: inputs.scanners,
      cacheDir: inputs['cache-dir'] ? localPath(workspace, inputs['cache-dir']) : undefined,
      skipDbUpdate: inputs['skip-db-update'],
      ignoreFile: await ignoreFile(inputs, workspace, tmp),
      configFile,
      timeoutMs: inputs.timeout,
    });
    const child = trivyEnv(env);
    if (child.removed.length)
      log(
        `Not passing ${child.removed.join(', ')} to Trivy: they would filter findings before the gate (use trivy-wrap's inputs)`,
      );
    if (scanType === 'config' && inputs.scanners.length)
      log('scan-type config scans misconfigurations only: scanners ignored');
    log(`Running ${trivy.path} ${args.join(' ')}`);
    const exit = await runTrivy(trivy.path, args, {
      env: child.env,
      cwd: workspace,
      timeoutMs: inputs.timeout,
      signal: context.signal,
    });
    log(
      `Trivy finished in ${Math.round(exit.durationMs / 1000)}s with exit code ${exit.exitCode ?? exit.signal}`,
    );
    if (exit.exitCode !== 0) return failedScanReport(exit, rawTarget);

    let json: string;
    try {
      json = await readFile(output, 'utf8');
    } catch {
      throw new UserError(
        `Trivy exited 0 but wrote no report to ${output}; its stderr ends: ${lastLines(exit.stderr, 3)}`,
      );
    }
    const trivyReport = parseTrivyReport(json, 'Trivy output');

    const locate: LocateContext = {
      scanType,
      workspace,
      scanRoot: local ? target : undefined,
      dockerfile:
        scanType === 'image'
          ? dockerfilePlace(
              workspace,
              resolveInWorkspace(workspace, inputs.dockerfile ?? 'Dockerfile', { input: 'dockerfile' }),
            )
          : undefined,
    };
    const gated = gateFindings(collectFindings(trivyReport, locate), {
      gated: gatedSeverities(inputs.severity),
      ignoreUnfixed: inputs['ignore-unfixed'],
      allowlist,
      now: new Date(),
    });
    const scan = {
      artifact: trivyReport.ArtifactName,
      artifactType: trivyReport.ArtifactType,
      trivyVersion: trivyReport.Trivy?.Version ?? trivy.version,
      gate: inputs.severity,
      allowlistFile: allowlist?.file,
    };
    // publish renders the SARIF file (when sarif-path is set) and warns if code scanning's limits cap it.
    return buildReport(gated, scan);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

export const trivyWrapCommand = defineCommand({
  // Not split yet: the inputs are the plan, the run builds the report.
  plan: (inputs) => inputs,
  report: (report) => report,
  name: ACTION,
  inputs: trivyWrapInputs,
  secretInputs: ['github-token'],
  sarifTool: TRIVY_SARIF_TOOL,
  run: runTrivyWrap,
});
