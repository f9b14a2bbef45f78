import { AdaptiveLimiter, type LlmClient } from '@llmops/llm';
import { runCase, type RunOptions } from '../run/run-cases';
import type { CaseRecord } from '../score/types';
import type { EvalCase } from '../suite/types';
import { agreement } from './agreement';

/** How far one case's answers agree, over the samples both endpoints answered. */
export interface CaseAgreement {
  id: string;
  /** Samples answered on both sides (0 when either side errored on every sample). */
  samples: number;
  /** Share of those samples whose answers are equal after normalisation. */
  exact: number;
  /** Mean token F1 of those samples. */
  f1: number;
}

export interface PairedRun {
  candidate: CaseRecord[];
  production: CaseRecord[];
  agreement: CaseAgreement[];
}

function caseAgreement(
  id: string,
  candidate: ReadonlyArray<string | undefined>,
  production: ReadonlyArray<string | undefined>,
): CaseAgreement {
  let samples = 0;
  let exact = 0;
  let f1 = 0;
  candidate.forEach((answer, k) => {
    const other = production[k];
    if (answer === undefined || other === undefined) return;
    const a = agreement(answer, other);
    samples++;
    exact += a.exact ? 1 : 0;
    f1 += a.f1;
  });
  return { id, samples, exact: samples ? exact / samples : 0, f1: samples ? f1 / samples : 0 };
}

/**
 * Every case against the candidate (`options.target`) and production, as a pair: both requests of
 * a case start together, and at most `concurrency` pairs are in flight, so the two endpoints see
 * the same cases at the same moment (load and time of day fall on both alike). Each endpoint's own
 * limiter still bounds its requests; a pair's wall time is the slower side's.
 */
export async function runPaired(
  cases: readonly EvalCase[],
  options: RunOptions,
  production: LlmClient,
  concurrency: number,
): Promise<PairedRun> {
  const pairs = new AdaptiveLimiter(concurrency);
  let done = 0;
  const runs = await Promise.all(
    cases.map((c) =>
      pairs.run(async () => {
        const [candidate, prod] = await Promise.all([
          runCase(c, options),
          runCase(c, { ...options, target: production, onCase: undefined }),
        ]);
        options.onCase?.(candidate.record, ++done, cases.length);
        return { candidate, prod };
      }),
    ),
  );
  return {
    candidate: runs.map((r) => r.candidate.record),
    production: runs.map((r) => r.prod.record),
    agreement: runs.map((r) => caseAgreement(r.candidate.record.id, r.candidate.answers, r.prod.answers)),
  };
}
