import path from 'node:path';
import {
  defaultBaseRef,
  InputError,
  resolveBaseRef,
  resolveInWorkspace,
  type PlanContext,
} from '@llmops/core';
import {
  defaultCacheDir,
  planEndpoints,
  ResponseCache,
  type EndpointOptions,
  type EndpointPlan,
} from '@llmops/llm';
import { JUDGED_KINDS } from '../../assert/check';
import type { CompareSettings } from '../../compare/summary';
import { planBaseRef, readBaselineReport, type BaseRefPlan } from '../../baseline/baseline';
import type { BaselineCase, GateSettings } from '../../score/types';
import { inShard, parseShard, type Shard } from '../../shard/shard';
import { findSuiteFiles, loadSuites, workspaceReader } from '../../suite/discover';
import type { EvalCase } from '../../suite/types';
import type { QualityGateInputs } from './inputs';

/** What an evaluation will send and how it is judged, settled before any request. */
export interface EvaluationPlan {
  merge?: undefined;
  shard?: Shard;
  cases: EvalCase[];
  /** `baseline: base-ref`: the base branch's cases, split into those the PR left alone and the rest. */
  baseRef?: BaseRefPlan;
  /** `baseline: <report file>`: its cases in this shard. */
  baseline?: { source: string; cases: BaselineCase[] };
  endpoints: EndpointPlan;
  endpointOptions: Omit<EndpointOptions, 'check'>;
  /** Whether any assertion asks the judge (its endpoint is checked, its model named in the report). */
  needsJudge: boolean;
  /** Comparison mode: the gates on the candidate (`base-url`) against production (`compare-base-url`). */
  compare?: CompareSettings;
  /** The thresholds; the model names come once the endpoints are open (the test double names its own). */
  settings: Omit<GateSettings, 'model' | 'judgeModel'>;
  notes: string[];
}

/** `merge-reports` set: the shard reports to combine, instead of an evaluation. */
export type QualityGatePlan = { merge: string[] } | EvaluationPlan;

/**
 * The response cache's directory. Not set: outside the workspace (`defaultCacheDir`), since a pull
 * request controls the workspace's files. Set: the workflow's choice — an absolute path as given
 * (`${{ runner.temp }}/...`), a relative one inside the workspace.
 */
function cacheDir(dir: string | undefined, context: PlanContext): string {
  if (!dir) return defaultCacheDir(context.env);
  return path.isAbsolute(dir) ? dir : resolveInWorkspace(context.workspace, dir, { input: 'cache-dir' });
}

/** The baseline the gate compares with: the base branch's suites, an earlier report, or none. */
async function planBaseline(
  inputs: QualityGateInputs,
  files: string[],
  cases: EvalCase[],
  keep: (id: string) => boolean,
  context: PlanContext,
): Promise<Pick<EvaluationPlan, 'baseRef' | 'baseline' | 'notes'>> {
  const { workspace, log } = context;
  if (inputs.baseline === 'none') return { notes: [] };
  if (inputs.baseline !== 'base-ref')
    return {
      baseline: { source: inputs.baseline, ...(await readBaselineReport(workspace, inputs.baseline, keep)) },
      notes: [],
    };
  const ref = inputs['base-ref'] ?? defaultBaseRef(context.env);
  if (!ref)
    return {
      notes: [
        'baseline: base-ref was asked for, but this is not a pull request and base-ref is not set: no baseline',
      ],
    };
  const commit = await resolveBaseRef(workspace, ref);
  const baseRef = await planBaseRef(files, cases, workspace, commit, (c) => keep(c.id));
  log(
    `baseline ${ref} (${commit.slice(0, 12)}): ${baseRef.same.length} cases unchanged, ${baseRef.changed.length} to evaluate`,
  );
  return { baseRef, notes: [...baseRef.notes] };
}

/** The comparison's gates when `compare-base-url` is set (planEndpoints has checked its model). */
function compareSettings(inputs: QualityGateInputs, endpoints: EndpointPlan): CompareSettings | undefined {
  if (!endpoints.compare) return undefined;
  // A shard's cases are a slice; the merge does not combine comparisons (yet).
  if (inputs.shard)
    throw new InputError(
      `input 'shard' cannot be used with 'compare-base-url': compare all cases in one job`,
    );
  return {
    minAgreement: inputs['min-agreement'],
    maxScoreDrop: inputs['max-score-drop'],
    maxTtftIncrease: inputs['max-ttft-increase'],
    maxLatencyIncrease: inputs['max-latency-increase'],
    // Only a judge the workflow chose: by default the judge is the candidate itself, no referee.
    preference: !!(inputs['judge-base-url'] || inputs['judge-model']),
  };
}

/** Check every input, suite file and baseline with no request sent: a bad one fails here. */
export async function planQualityGate(
  inputs: QualityGateInputs,
  context: PlanContext,
): Promise<QualityGatePlan> {
  if (inputs['merge-reports'].length) return { merge: inputs['merge-reports'] };
  const { workspace, log } = context;
  const shard = parseShard(inputs.shard);
  const files = await findSuiteFiles(workspace, inputs.suites);
  const keep = (id: string) => inShard(id, shard);
  const cases = (await loadSuites(files, workspaceReader(workspace))).filter((c) => keep(c.id));
  log(
    `${files.length} suite files, ${cases.length} cases${shard ? ` in shard ${shard.index}/${shard.count}` : ''}`,
  );
  const baseline = await planBaseline(inputs, files, cases, keep, context);
  const endpoints = planEndpoints(inputs, context.env, log);
  const compare = compareSettings(inputs, endpoints);
  const all = [...cases, ...(baseline.baseRef?.changed ?? [])];
  const assertions = all.flatMap((c) => c.assertions);
  return {
    ...(shard ? { shard } : {}),
    cases,
    ...baseline,
    notes: [...baseline.notes, ...endpoints.notes],
    endpoints,
    endpointOptions: {
      timeoutMs: inputs['timeout-ms'],
      maxRetries: inputs['max-retries'],
      concurrency: inputs.concurrency,
      stream: inputs.stream,
      cache: inputs.cache ? new ResponseCache(cacheDir(inputs['cache-dir'], context)) : undefined,
      cacheSalt: inputs['cache-salt'],
      // gh-models asks an `llm:` evaluator's own modelId; we do when the judge endpoint serves it.
      judgeModels: assertions.flatMap((a) => (a.llm?.modelId ? [a.llm.modelId] : [])),
    },
    needsJudge: assertions.some((a) => JUDGED_KINDS.has(a.kind)),
    ...(compare ? { compare } : {}),
    settings: {
      minScore: inputs['min-score'],
      maxRegression: inputs['max-regression'],
      sloTtftMs: inputs['slo-ttft-ms'],
      sloLatencyMs: inputs['slo-latency-ms'],
      maxErrorRate: inputs['max-error-rate'],
      repeat: inputs.repeat,
    },
  };
}
