import { readWorkspaceJson, UserError, VERSION } from '@llmops/core';
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

/** Reports are read back only from the same release line: semver major, or minor while major is 0. */
function sameLine(a: string, b: string): boolean {
  const line = (v: string) => {
    const [major, minor] = v.split('.');
    return major === '0' ? `0.${minor}` : major;
  };
  return line(a) === line(b);
}

function readGateReport<S extends z.ZodType>(
  workspace: string,
  file: string,
  input: string,
  data: S,
): z.output<S> {
  const report = readWorkspaceJson(workspace, file, { input }).data as Record<string, unknown> | null;
  const where = `input '${input}': ${file}`;
  if (!report || typeof report !== 'object' || report.action !== 'llm-quality-gate')
    throw new UserError(`${where} is not an llm-quality-gate report`);
  if (typeof report.version !== 'string' || !sameLine(report.version, VERSION)) {
    const written = typeof report.version === 'string' ? `llmops ${report.version}` : 'no llmops version';
    throw new UserError(
      `${where} is a report of ${written}, and this is llmops ${VERSION}: re-run the gate with this version to write one it can read`,
    );
  }
  const parsed = data.safeParse(report.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = ['data', ...issue.path].join('.');
    throw new UserError(
      `${where} is not an llm-quality-gate report of this shape: '${at}': ${issue.message}`,
    );
  }
  return parsed.data;
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
