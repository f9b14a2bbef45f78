import { weightedScore } from '../score/aggregate';
import type { CaseRecord } from '../score/types';
import type { CaseAgreement } from './run-paired';
import { pairedRatio, type PairedRatio } from './paired';
import type { Preference } from './preference';

/** The comparison's gates (relative increases: 0.2 = 20% slower allowed; undefined = no gate). */
export interface CompareSettings {
  minAgreement: number;
  maxScoreDrop: number;
  maxTtftIncrease?: number;
  maxLatencyIncrease?: number;
  /** Whether the judge is asked which answer is better (a judge was configured). */
  preference: boolean;
}

/** What a comparison run keeps in the report: production's results beside the candidate's. */
export interface ComparisonData {
  model: string;
  settings: CompareSettings;
  /** Production's records, in the candidate's case order. */
  cases: CaseRecord[];
  agreement: CaseAgreement[];
}

/** A latency gate settles only on enough evidence: below this many timed pairs, an interval that straddles the limit is inconclusive. */
export const MIN_TIMED_PAIRS = 20;

export interface ComparisonSummary {
  /** Cases neither side errored on: what the scores are compared over. */
  compared: number;
  candidateScore?: number;
  productionScore?: number;
  /** productionScore − candidateScore over the compared cases (positive: the candidate is worse). */
  scoreDrop?: number;
  productionErrors: number;
  /** Cases with samples answered on both sides, their share of exact agreement and mean token F1. */
  agreed: { cases: number; exact?: number; f1?: number };
  /** The judge's pairwise verdicts (both orders agreeing), when it was asked. */
  preference?: Record<Preference, number>;
  ttft: PairedRatio;
  latency: PairedRatio;
  fails: string[];
  inconclusive: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

/** "+23.0% (95% CI +18.1% to +28.2%, 180 cases)": a paired ratio as a relative change. */
export function describeRatio(r: PairedRatio): string {
  const rel = (x: number) => `${x >= 1 ? '+' : '−'}${Math.abs((x - 1) * 100).toFixed(1)}%`;
  if (r.n === 0) return 'not measured';
  const ci = Number.isNaN(r.low) ? 'no interval from one case' : `95% CI ${rel(r.low)} to ${rel(r.high)}`;
  return `${rel(r.ratio)} (${ci}, ${r.n} case${r.n === 1 ? '' : 's'})`;
}

/**
 * The latency gate's decision from the paired interval: fail only when the whole 95% interval is
 * over the limit (not on noise); pass when the whole interval is within it, or when the estimate is
 * within it on at least MIN_TIMED_PAIRS cases; otherwise inconclusive (too few cases to tell).
 */
export function latencyDecision(r: PairedRatio, limit: number): 'pass' | 'fail' | 'inconclusive' {
  const bound = 1 + limit;
  if (r.n < 2) return 'inconclusive';
  if (r.low > bound) return 'fail';
  if (r.high <= bound) return 'pass';
  return r.n >= MIN_TIMED_PAIRS && r.ratio <= bound ? 'pass' : 'inconclusive';
}

function latencyGate(
  summary: ComparisonSummary,
  r: PairedRatio,
  limit: number | undefined,
  what: string,
  input: string,
  unmeasured: string,
): void {
  if (limit === undefined) return;
  const decision = latencyDecision(r, limit);
  const found = `${what} vs production ${describeRatio(r)}`;
  if (decision === 'fail') summary.fails.push(`${found}: over ${input} +${pct(limit)}`);
  else if (decision === 'inconclusive')
    summary.inconclusive.push(
      r.n < 2
        ? `${input} is set, but ${r.n} case${r.n === 1 ? ' was' : 's were'} timed on both endpoints: ${unmeasured}`
        : `${found}: the interval straddles ${input} +${pct(limit)} with too few cases to tell (${r.n} timed, ${MIN_TIMED_PAIRS} needed unless the interval is clear of the limit); add cases or repeat`,
    );
}

/** Scores like for like, agreement, paired latency ratios and the comparison gates' reasons. */
export function summarizeComparison(
  candidate: readonly CaseRecord[],
  data: ComparisonData,
  maxErrorRate: number,
): ComparisonSummary {
  const production = new Map(data.cases.map((c) => [c.id, c]));
  const pairs = candidate.flatMap((c) => {
    const p = production.get(c.id);
    return p ? [[c, p] as const] : [];
  });
  const clean = pairs.filter(([c, p]) => c.status !== 'error' && p.status !== 'error');
  const productionErrors = data.cases.filter((c) => c.status === 'error').length;
  const answered = data.agreement.filter((a) => a.samples > 0);
  const timing = (pick: (r: CaseRecord) => number[]) => [
    pairs.map(([c]) => mean(pick(c))),
    pairs.map(([, p]) => mean(pick(p))),
  ];
  const [candidateTtft, productionTtft] = timing((r) => r.ttftMs);
  const [candidateLatency, productionLatency] = timing((r) => r.latencyMs);
  const summary: ComparisonSummary = {
    compared: clean.length,
    productionErrors,
    agreed: {
      cases: answered.length,
      exact: mean(answered.map((a) => a.exact)),
      f1: mean(answered.map((a) => a.f1)),
    },
    ttft: pairedRatio(candidateTtft!, productionTtft!),
    latency: pairedRatio(candidateLatency!, productionLatency!),
    fails: [],
    inconclusive: [],
  };
  if (data.settings.preference) {
    summary.preference = { candidate: 0, production: 0, tie: 0 };
    for (const a of data.agreement) if (a.preference) summary.preference[a.preference]++;
  }
  if (clean.length) {
    summary.candidateScore = weightedScore(clean.map(([c]) => c));
    summary.productionScore = weightedScore(clean.map(([, p]) => p));
    summary.scoreDrop = summary.productionScore - summary.candidateScore;
  }
  const { settings } = data;
  if (data.cases.length && productionErrors / data.cases.length > maxErrorRate) {
    summary.inconclusive.push(
      `${productionErrors} of ${data.cases.length} cases errored on production (${pct(productionErrors / data.cases.length)}), over max-error-rate ${pct(maxErrorRate)}: the comparison is not reliable`,
    );
    return summary;
  }
  if (summary.scoreDrop !== undefined && summary.scoreDrop > settings.maxScoreDrop + 1e-9)
    summary.fails.push(
      `score is ${pct(summary.scoreDrop)} below production on ${clean.length} cases neither errored on (${pct(summary.productionScore!)} → ${pct(summary.candidateScore!)}), more than max-score-drop ${pct(settings.maxScoreDrop)}`,
    );
  if (settings.minAgreement > 0) {
    if (summary.agreed.exact === undefined)
      summary.inconclusive.push('min-agreement is set, but no case was answered by both endpoints');
    else if (summary.agreed.exact < settings.minAgreement - 1e-9)
      summary.fails.push(
        `answers agree with production on ${pct(summary.agreed.exact)} of ${answered.length} cases, below min-agreement ${pct(settings.minAgreement)}`,
      );
  }
  latencyGate(
    summary,
    summary.ttft,
    settings.maxTtftIncrease,
    'time to first token',
    'max-ttft-increase',
    'it needs stream: true and answers timed in this run (cached answers are not timed)',
  );
  latencyGate(
    summary,
    summary.latency,
    settings.maxLatencyIncrease,
    'latency',
    'max-latency-increase',
    'cached or failed answers are not timed',
  );
  return summary;
}
