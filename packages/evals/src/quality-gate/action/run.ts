import type { RunContext } from '@llmops/core';
import { openEndpoints, type Endpoints } from '@llmops/llm';
import { toBaseline } from '../../baseline/baseline';
import { runPaired } from '../../compare/run-paired';
import type { ComparisonData } from '../../compare/summary';
import { runCases, type RunOptions } from '../../run/run-cases';
import type { CaseRecord } from '../../score/types';
import type { Assertion } from '../../suite/types';
import { mergeGateReports } from '../merge';
import type { GateData } from './report';
import type { EvaluationPlan, QualityGatePlan } from './plan';

/** Evaluate the planned cases (or merge shard reports) into the data of one report. */
export async function runQualityGate(plan: QualityGatePlan, context: RunContext): Promise<GateData> {
  if (plan.merge) return mergeGateReports(context.workspace, plan.merge, context.log);
  const hasWork = plan.cases.length > 0 || (plan.baseRef?.changed.length ?? 0) > 0;
  const endpoints = await openEndpoints(
    plan.endpoints,
    {
      ...plan.endpointOptions,
      check: { target: hasWork, judge: hasWork && (plan.needsJudge || !!plan.compare?.preference) },
    },
    context.signal,
    context.log,
  );
  try {
    return await evaluate(plan, endpoints, context.log);
  } finally {
    await endpoints.stop();
  }
}

async function evaluate(
  plan: EvaluationPlan,
  endpoints: Endpoints,
  log: (line: string) => void,
): Promise<GateData> {
  const { target, judge } = endpoints;
  const notes = [...plan.notes];
  for (const model of endpoints.unservedJudgeModels)
    notes.push(
      `an llm evaluator asks for model '${model}' (llm.modelId), which ${endpoints.judgeListsModels ? 'the judge endpoint does not serve' : 'the judge endpoint cannot be asked about (no /models)'}: judged by '${judge.model}' instead`,
    );
  const judgeFor = (a: Assertion) => (a.llm?.modelId ? endpoints.judgeFor(a.llm.modelId) : undefined);
  const repeat = plan.settings.repeat;
  const step = Math.max(25, Math.ceil(plan.cases.length / 10));
  const started = performance.now();
  const options: RunOptions = {
    target,
    judge,
    judgeFor,
    repeat,
    onCase: (_, done, total) => {
      if (done % step === 0 || done === total)
        log(`${done}/${total} cases (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    },
  };
  const [{ records, comparison }, baseRecords] = await Promise.all([
    evaluateCases(plan, endpoints, options),
    runCases(plan.baseRef?.changed ?? [], { target, judge, judgeFor, repeat }),
  ]);
  return {
    ...(comparison ? { comparison } : {}),
    settings: {
      ...plan.settings,
      model: endpoints.targetLabel,
      ...(plan.needsJudge || plan.compare?.preference ? { judgeModel: endpoints.judgeLabel } : {}),
    },
    cases: records,
    baseline: plan.baseRef ? baseRefBaseline(plan.baseRef.same, records, baseRecords) : plan.baseline,
    totals: endpoints.stats(),
    shards: plan.shard ? [`${plan.shard.index}/${plan.shard.count}`] : [],
    notes,
  };
}

/** The cases on the target alone or, in comparison mode, paired with production. */
async function evaluateCases(
  plan: EvaluationPlan,
  endpoints: Endpoints,
  options: RunOptions,
): Promise<{ records: CaseRecord[]; comparison?: ComparisonData }> {
  if (!plan.compare || !endpoints.compare) return { records: await runCases(plan.cases, options) };
  const paired = await runPaired(plan.cases, options, endpoints.compare, {
    concurrency: plan.endpointOptions.concurrency,
    ...(plan.compare.preference ? { preferenceJudge: endpoints.judge } : {}),
  });
  return {
    records: paired.candidate,
    comparison: {
      model: endpoints.compareLabel!,
      settings: plan.compare,
      cases: paired.production,
      agreement: paired.agreement,
    },
  };
}

/** The base branch's results: the PR's for the cases it left alone, this run's base requests for the rest. */
function baseRefBaseline(same: readonly string[], records: CaseRecord[], baseRecords: CaseRecord[]) {
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    source: 'base-ref',
    cases: [...toBaseline(same.map((id) => byId.get(id)!).filter(Boolean)), ...toBaseline(baseRecords)],
  };
}
