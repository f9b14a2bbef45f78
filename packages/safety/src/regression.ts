import { readReport } from '@llmops/core';
import { z } from 'zod';
import type { ProbeRecord } from './action/report';

// What a run compares with an earlier report (last night's): each probe's result.
const baselineProbe = z.looseObject({
  id: z.string(),
  pack: z.string(),
  transform: z.string().optional(),
  status: z.enum(['passed', 'failed', 'error']),
});
export type BaselineProbe = z.output<typeof baselineProbe>;

/** The probes of an earlier safety-tests report (input `baseline-report`). */
export function readBaselineProbes(workspace: string, file: string): BaselineProbe[] {
  const data = z.looseObject({ probes: z.array(baselineProbe) });
  return readReport(workspace, file, { input: 'baseline-report', action: 'safety-tests', data }).probes;
}

export interface Regression {
  /** Failed now, and passed (or was not run) in the baseline: the regressions, in report order. */
  newlyFailed: ProbeRecord[];
  /** Failed in both. */
  stillFailing: number;
  /** Failed in the baseline, passed now. */
  fixed: number;
}

const key = (p: { id: string; transform?: string }) => `${p.id}\u0000${p.transform ?? ''}`;

/** Compare a run's probes with a baseline's, probe by probe (the same probe under the same transform). */
export function compareWithBaseline(
  current: readonly ProbeRecord[],
  baseline: readonly Pick<BaselineProbe, 'id' | 'transform' | 'status'>[],
): Regression {
  const failedBefore = new Set(baseline.filter((p) => p.status === 'failed').map(key));
  const passedNow = new Set(current.filter((p) => p.status === 'passed').map(key));
  const newlyFailed = current.filter((p) => p.status === 'failed' && !failedBefore.has(key(p)));
  let fixed = 0;
  for (const k of failedBefore) if (passedNow.has(k)) fixed++;
  return {
    newlyFailed,
    stillFailing: current.filter((p) => p.status === 'failed').length - newlyFailed.length,
    fixed,
  };
}
