import {
  defaultBaseRef,
  input,
  reportingInputs,
  resolveBaseRef,
  resolveInWorkspace,
  UserError,
  type RunContext,
  defineCommand,
} from '@llmops/core';
import {
  defaultCacheDir,
  judgeApiKey,
  LlmClient,
  checkEndpoint,
  ResponseCache,
  startTestDouble,
  testDoubleScript,
  type EndpointCheck,
} from '@llmops/llm';
import path from 'node:path';
import { z } from 'zod';
import { JUDGED_KINDS } from '../assert/check';
import { planBaseRef, readBaselineReport, toBaseline } from '../baseline/baseline';
import { runCases } from '../run/run-cases';
import type { BaselineCase, GateSettings } from '../score/types';
import type { Assertion } from '../suite/types';
import { inShard, parseShard } from '../shard/shard';
import { findSuiteFiles, loadSuites, workspaceReader } from '../suite/discover';
import { mergeGateReports } from './merge';
import { buildGateReport, type GateReport } from './report';

export const qualityGateInputs = z.object({
  suites: input.list(),
  'base-url': input.url(),
  'api-key': input.optional(),
  model: input.optional(),
  'judge-base-url': input.url(),
  'judge-api-key': input.optional(),
  'judge-model': input.optional(),
  concurrency: input.integer({ min: 1, max: 1000 }),
  repeat: input.integer({ min: 1, max: 100 }),
  'timeout-ms': input.integer({ min: 1 }),
  'max-retries': input.integer({ min: 0, max: 20 }),
  stream: input.bool(),
  cache: input.bool(),
  'cache-dir': input.optional(),
  // Optional at the schema level too, so a CLI or root action.yml generated before it existed still runs.
  'cache-salt': input.optional().optional(),
  'min-score': input.number({ min: 0, max: 1 }),
  baseline: input.text(),
  'base-ref': input.optional(),
  'max-regression': input.number({ min: 0, max: 1 }),
  'slo-ttft-ms': input.integer({ min: 0 }),
  'slo-latency-ms': input.integer({ min: 0 }),
  'max-error-rate': input.number({ min: 0, max: 1 }),
  shard: input.optional(),
  'merge-reports': input.list(),
  'junit-path': input.optional(),
  'check-run': input.bool(),
  ...reportingInputs,
});
export type QualityGateInputs = z.output<typeof qualityGateInputs>;

function settingsOf(inputs: QualityGateInputs, model: string): GateSettings {
  return {
    minScore: inputs['min-score'],
    maxRegression: inputs['max-regression'],
    sloTtftMs: inputs['slo-ttft-ms'],
    sloLatencyMs: inputs['slo-latency-ms'],
    maxErrorRate: inputs['max-error-rate'],
    repeat: inputs.repeat,
    model,
  };
}

/**
 * The response cache's directory. Not set: outside the workspace (`defaultCacheDir`), since a pull
 * request controls the workspace's files. Set: the workflow's choice — an absolute path as given
 * (`${{ runner.temp }}/...`), a relative one inside the workspace.
 */
function cacheDir(dir: string | undefined, context: RunContext): string {
  if (!dir) return defaultCacheDir(context.env);
  return path.isAbsolute(dir) ? dir : resolveInWorkspace(context.workspace, dir, { input: 'cache-dir' });
}

/** Evaluate the suites (or merge shard reports) into one report. */
export async function runQualityGate(inputs: QualityGateInputs, context: RunContext): Promise<GateReport> {
  const { workspace, log, signal } = context;
  if (inputs['merge-reports'].length) return mergeGateReports(workspace, inputs['merge-reports'], log);
  const shard = parseShard(inputs.shard);

  // Suites first: a suite problem fails the step before any request is sent.
  const files = await findSuiteFiles(workspace, inputs.suites);
  const keep = (id: string) => inShard(id, shard);
  const cases = (await loadSuites(files, workspaceReader(workspace))).filter((c) => keep(c.id));
  log(
    `${files.length} suite files, ${cases.length} cases${shard ? ` in shard ${shard.index}/${shard.count}` : ''}`,
  );

  const notes: string[] = [];
  let plan: Awaited<ReturnType<typeof planBaseRef>> | undefined;
  let baseline: { source: string; cases: BaselineCase[] } | undefined;
  if (inputs.baseline === 'base-ref') {
    const ref = inputs['base-ref'] ?? defaultBaseRef(context.env);
    if (!ref)
      notes.push(
        'baseline: base-ref was asked for, but this is not a pull request and base-ref is not set: no baseline',
      );
    else {
      const commit = await resolveBaseRef(workspace, ref);
      plan = await planBaseRef(files, cases, workspace, commit, (c) => keep(c.id));
      for (const note of plan.notes) notes.push(note);
      log(
        `baseline ${ref} (${commit.slice(0, 12)}): ${plan.same.length} cases unchanged, ${plan.changed.length} to evaluate`,
      );
    }
  } else if (inputs.baseline !== 'none') {
    baseline = { source: inputs.baseline, ...(await readBaselineReport(workspace, inputs.baseline, keep)) };
  }

  const doubleScript = testDoubleScript(context.env, log);
  if (!doubleScript && context.env.LLMOPS_TEST_DOUBLE)
    notes.push('LLMOPS_TEST_DOUBLE was set and ignored: GitHub Actions runs always evaluate base-url');
  const double = doubleScript ? await startTestDouble(doubleScript, log) : undefined;
  try {
    const baseURL = double?.url ?? inputs['base-url'];
    const model = double?.model ?? inputs.model;
    if (!baseURL)
      throw new UserError(
        `input 'base-url' is required: the OpenAI-compatible endpoint, e.g. http://vllm:8000/v1`,
      );
    if (!model) throw new UserError(`input 'model' is required: the model name the endpoint serves`);
    if (double) notes.push(`TEST DOUBLE: the model was the llmops test server, not a real model`);
    const needsJudge = [...cases, ...(plan?.changed ?? [])].some((c) =>
      c.assertions.some((a) => JUDGED_KINDS.has(a.kind)),
    );
    const judgeURL = double?.url ?? inputs['judge-base-url'] ?? baseURL;
    const judgeModel = double?.model ?? inputs['judge-model'] ?? model;
    const judgeKey = judgeApiKey({
      baseURL,
      apiKey: inputs['api-key'],
      judgeBaseURL: double ? undefined : inputs['judge-base-url'],
      judgeApiKey: inputs['judge-api-key'],
    });
    const settings: GateSettings = {
      ...settingsOf(inputs, double ? `${model} (test double)` : model),
      ...(needsJudge ? { judgeModel: double ? `${judgeModel} (test double)` : judgeModel } : {}),
    };
    let targetCheck: EndpointCheck = {};
    let judgeCheck: EndpointCheck = {};
    if (cases.length || plan?.changed.length) {
      targetCheck = await checkEndpoint({ baseURL, apiKey: inputs['api-key'], model }, signal);
      judgeCheck = targetCheck;
      if (needsJudge && (judgeURL !== baseURL || judgeModel !== model)) {
        judgeCheck = await checkEndpoint(
          { baseURL: judgeURL, apiKey: judgeKey, model: judgeModel, what: 'judge-base-url' },
          signal,
        );
      }
    }
    // The cache key holds endpoint and model; these add what /models says of the weights and the salt.
    const identity = (check: EndpointCheck) =>
      JSON.stringify([check.identity ?? {}, inputs['cache-salt'] ?? '']);
    const cache = inputs.cache ? new ResponseCache(cacheDir(inputs['cache-dir'], context)) : undefined;
    const common = {
      timeoutMs: inputs['timeout-ms'],
      maxRetries: inputs['max-retries'],
      concurrency: inputs.concurrency,
      cache,
      signal,
      // A server may echo a key in an error body; neither key may reach a report.
      secrets: [inputs['api-key'], judgeKey].filter((k): k is string => !!k),
    };
    const target = new LlmClient({
      ...common,
      cacheIdentity: identity(targetCheck),
      baseURL,
      apiKey: inputs['api-key'],
      model,
      stream: inputs.stream,
    });
    const sameJudge = judgeURL === baseURL && judgeModel === model && judgeKey === inputs['api-key'];
    const judge = sameJudge
      ? target
      : new LlmClient({
          ...common,
          cacheIdentity: identity(judgeCheck),
          baseURL: judgeURL,
          apiKey: judgeKey,
          model: judgeModel,
          stream: false,
        });
    // gh-models asks an `llm:` evaluator's own modelId; we do when the judge endpoint serves it.
    const evaluatorJudges = new Map<string, LlmClient>();
    const askedFor = new Set(
      [...cases, ...(plan?.changed ?? [])].flatMap((c) =>
        c.assertions.flatMap((a) => (a.llm?.modelId ? [a.llm.modelId] : [])),
      ),
    );
    for (const id of askedFor) {
      if (id === judgeModel) continue;
      if (judgeCheck.served?.includes(id)) {
        evaluatorJudges.set(
          id,
          new LlmClient({
            ...common,
            cacheIdentity: identity(judgeCheck),
            baseURL: judgeURL,
            apiKey: judgeKey,
            model: id,
            stream: false,
          }),
        );
      } else {
        notes.push(
          `an llm evaluator asks for model '${id}' (llm.modelId), which ${judgeCheck.served ? 'the judge endpoint does not serve' : 'the judge endpoint cannot be asked about (no /models)'}: judged by '${judgeModel}' instead`,
        );
      }
    }
    const judgeFor = (a: Assertion) => (a.llm?.modelId ? evaluatorJudges.get(a.llm.modelId) : undefined);
    const step = Math.max(25, Math.ceil(cases.length / 10));
    const started = performance.now();
    const [records, baseRecords] = await Promise.all([
      runCases(cases, {
        target,
        judge,
        judgeFor,
        repeat: inputs.repeat,
        onCase: (_, done, total) => {
          if (done % step === 0 || done === total)
            log(`${done}/${total} cases (${((performance.now() - started) / 1000).toFixed(1)} s)`);
        },
      }),
      runCases(plan?.changed ?? [], { target, judge, judgeFor, repeat: inputs.repeat }),
    ]);
    if (plan) {
      const byId = new Map(records.map((r) => [r.id, r]));
      baseline = {
        source: 'base-ref',
        cases: [
          ...toBaseline(plan.same.map((id) => byId.get(id)!).filter(Boolean)),
          ...toBaseline(baseRecords),
        ],
      };
    }
    const stats = [...new Set([target, judge, ...evaluatorJudges.values()])].map((c) => c.stats);
    return buildGateReport({
      settings,
      cases: records,
      baseline,
      totals: {
        requests: stats.reduce((n, s) => n + s.requests, 0),
        cacheHits: stats.reduce((n, s) => n + s.cacheHits, 0),
      },
      shards: shard ? [`${shard.index}/${shard.count}`] : [],
      notes,
    });
  } finally {
    await double?.stop();
  }
}

export const qualityGateCommand = defineCommand({
  // Not split yet: the inputs are the plan, the run builds the report.
  plan: (inputs) => inputs,
  report: (report) => report,
  name: 'llm-quality-gate',
  inputs: qualityGateInputs,
  secretInputs: ['api-key', 'judge-api-key', 'github-token'],
  run: runQualityGate,
});
