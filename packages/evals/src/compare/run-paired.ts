import { AdaptiveLimiter, type LlmClient } from '@llmops/llm';
import { runCase, type CaseRun, type RunOptions } from '../run/run-cases';
import type { CaseRecord } from '../score/types';
import type { EvalCase } from '../suite/types';
import { agreement } from './agreement';
import { judgePreference, type Preference } from './preference';

/** How far one case's answers agree, over the samples both endpoints answered. */
export interface CaseAgreement {
  id: string;
  /** Samples answered on both sides (0 when either side errored on every sample). */
  samples: number;
  /** Share of those samples whose answers are equal after normalisation. */
  exact: number;
  /** Mean token F1 of those samples. */
  f1: number;
  /** The judge's pairwise preference on the first sample both answered (when a judge is configured). */
  preference?: Preference;
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
  settings: { concurrency: number; preferenceJudge?: LlmClient },
): Promise<PairedRun> {
  const pairs = new AdaptiveLimiter(settings.concurrency);
  let done = 0;
  const runs = await Promise.all(
    cases.map((c) =>
      pairs.run(async () => {
        const [candidate, prod] = await Promise.all([
          runCase(c, options),
          runCase(c, { ...options, target: production, onCase: undefined }),
        ]);
        const agreed = caseAgreement(c.id, candidate.answers, prod.answers);
        if (settings.preferenceJudge) await prefer(settings.preferenceJudge, candidate, prod, agreed);
        options.onCase?.(candidate.record, ++done, cases.length);
        return { candidate: candidate.record, prod: prod.record, agreed };
      }),
    ),
  );
  return {
    candidate: runs.map((r) => r.candidate),
    production: runs.map((r) => r.prod),
    agreement: runs.map((r) => r.agreed),
  };
}

/** The judge's preference on the first sample both sides answered; its tokens are the candidate's judge tokens. */
async function prefer(judge: LlmClient, candidate: CaseRun, prod: CaseRun, agreed: CaseAgreement) {
  const k = candidate.answers.findIndex((a, i) => a !== undefined && prod.answers[i] !== undefined);
  if (k < 0) return;
  const { preference, judged } = await judgePreference(
    judge,
    candidate.record.input,
    candidate.answers[k]!,
    prod.answers[k]!,
  );
  if (preference) agreed.preference = preference;
  for (const r of judged) {
    if (r.error || r.cached || !r.usage) continue;
    candidate.record.judgePromptTokens = (candidate.record.judgePromptTokens ?? 0) + r.usage.promptTokens;
    candidate.record.judgeCompletionTokens =
      (candidate.record.judgeCompletionTokens ?? 0) + r.usage.completionTokens;
  }
}
