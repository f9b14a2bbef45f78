import path from 'node:path';
import { readWorkspaceFile, resolveInWorkspace, UserError, type PlanContext } from '@llmops/core';
import { loadAllowlist, type Allowlist } from '../allowlist';
import { dockerfilePlace, type Place } from '../locations';
import type { ScanType } from '../run-trivy';
import { gatedSeverities, type Severity } from '../severity';
import type { TrivyWrapInputs } from './inputs';

/** What a trivy-wrap run scans and how it gates, settled before Trivy is installed or run. */
export interface TrivyWrapPlan {
  scanType: ScanType;
  /** The target as given (an image reference, or a path or URL), for the report. */
  target: string;
  /** What Trivy is given: a local target resolved inside the workspace. */
  scanTarget: string;
  /** Set for local targets: Trivy's result paths are relative to it. */
  scanRoot?: string;
  /** Image findings point here: the Dockerfile that built the image and its last FROM line. */
  dockerfile?: Place;
  allowlist?: Allowlist;
  /** `trivyignores` as Trivy takes it: one file as it is, or the text of one (joined, or empty). */
  ignore: { file: string } | { text: string };
  /** Absolute path of a Trivy to use instead of installing the pinned one. */
  trivyPath?: string;
  trivyVersion: string;
  cacheDir?: string;
  skipDbUpdate: boolean;
  scanners: string[];
  /** The `severity` input as given, and the set of severities it fails the gate on. */
  severity: Severity[];
  gated: Set<Severity>;
  ignoreUnfixed: boolean;
  timeoutMs: number;
}

/** A local path input: relative to the workspace, or absolute (a runner's own tool or cache folder). */
function localPath(workspace: string, value: string): string {
  return path.resolve(workspace, value);
}

const isUrl = (target: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || /^git@/.test(target);

/**
 * `trivyignores` as one `--ignorefile`: Trivy takes a single file, so several plain ones are
 * joined; none is an empty file, so Trivy never falls back to the workspace's `.trivyignore`.
 */
function ignoreOf(files: readonly string[], workspace: string): TrivyWrapPlan['ignore'] {
  const resolved = files.map((file) => resolveInWorkspace(workspace, file, { input: 'trivyignores' }));
  if (resolved.length === 0) return { text: '' };
  if (resolved.length === 1) return { file: resolved[0]! };
  if (resolved.some((file) => /\.ya?ml$/i.test(file))) {
    throw new UserError(
      "input 'trivyignores': a YAML ignore file (.trivyignore.yaml) must be the only one given",
    );
  }
  const parts = files.map((file) => readWorkspaceFile(workspace, file, { input: 'trivyignores' }).text);
  return { text: parts.join('\n') };
}

/** The target, the Dockerfile, the allowlist and the ignore files, checked: a bad one fails before Trivy runs. */
export async function planTrivyWrap(inputs: TrivyWrapInputs, context: PlanContext): Promise<TrivyWrapPlan> {
  const { workspace } = context;
  const scanType = inputs['scan-type'];
  const target = inputs.target ?? (scanType === 'image' ? undefined : '.');
  if (!target)
    throw new UserError("input 'target' is required for scan-type image: the image reference to scan");
  const local = scanType !== 'image' && !(scanType === 'repo' && isUrl(target));
  const scanTarget = local ? resolveInWorkspace(workspace, target, { input: 'target' }) : target;
  const dockerfile =
    scanType === 'image'
      ? dockerfilePlace(
          workspace,
          resolveInWorkspace(workspace, inputs.dockerfile ?? 'Dockerfile', { input: 'dockerfile' }),
        )
      : undefined;
  return {
    scanType,
    target,
    scanTarget,
    ...(local ? { scanRoot: scanTarget } : {}),
    ...(dockerfile ? { dockerfile } : {}),
    ...(inputs.allowlist ? { allowlist: await loadAllowlist(workspace, inputs.allowlist) } : {}),
    ignore: ignoreOf(inputs.trivyignores, workspace),
    ...(inputs['trivy-path'] ? { trivyPath: localPath(workspace, inputs['trivy-path']) } : {}),
    trivyVersion: inputs['trivy-version'],
    ...(inputs['cache-dir'] ? { cacheDir: localPath(workspace, inputs['cache-dir']) } : {}),
    skipDbUpdate: inputs['skip-db-update'],
    scanners: inputs.scanners,
    severity: inputs.severity,
    gated: gatedSeverities(inputs.severity),
    ignoreUnfixed: inputs['ignore-unfixed'],
    timeoutMs: inputs.timeout,
  };
}
