import { readReport } from '@llmops/core';
import { z } from 'zod';
import type { BaselineCase, CaseRecord } from '../score/types';
import type { GateData } from './action/report';

// The parts of an llm-quality-gate JSON report (as publish writes it: `{version, ...report}`)
// that baselines and merges read back. Other keys are kept as they are.
const status = z.enum(['pass', 'fail', 'error']);
const numbers = z.array(z.number());
const baselineCase = z.looseObject({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  status,
  passRate: z.number(),
});
const caseRecord = baselineCase.extend({
  suite: z.string(),
  file: z.string(),
  line: z.number(),
  samples: z.number(),
  passes: z.number(),
  errors: z.number(),
  input: z.string(),
  output: z.string(),
  reasons: z.array(z.string()),
  ttftMs: numbers,
  tpotMs: numbers,
  latencyMs: numbers,
  promptTokens: z.number(),
  completionTokens: z.number(),
  cached: z.number(),
});
const settings = z.looseObject({
  minScore: z.number(),
  maxRegression: z.number(),
  sloTtftMs: z.number(),
  sloLatencyMs: z.number(),
  maxErrorRate: z.number(),
  repeat: z.number(),
  model: z.string(),
  judgeModel: z.string().optional(),
});
const gateData = z.looseObject({
  settings,
  cases: z.array(caseRecord),
  baseline: z.object({ source: z.string(), cases: z.array(baselineCase) }).optional(),
  totals: z.looseObject({ requests: z.number(), cacheHits: z.number() }),
  shards: z.array(z.string()),
  notes: z.array(z.string()),
});
const baselineData = z.looseObject({ cases: z.array(baselineCase) });

function readGateReport<S extends z.ZodType>(
  workspace: string,
  file: string,
  input: string,
  data: S,
): z.output<S> {
  return readReport(workspace, file, { input, action: 'llm-quality-gate', data });
}

/** The cases of an earlier report, for a baseline (input `baseline`). */
export function readBaselineCases(workspace: string, file: string): BaselineCase[] {
  return readGateReport(workspace, file, 'baseline', baselineData).cases;
}

/** A shard's report, for a merge (input `merge-reports`). */
export function readShardReport(workspace: string, file: string): GateData {
  const data = readGateReport(workspace, file, 'merge-reports', gateData);
  return { ...data, cases: data.cases as CaseRecord[] } as GateData;
}
