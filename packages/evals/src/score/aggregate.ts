import type { Verdict } from '@llmops/core';
import { percentile } from './percentile';
import type { BaselineCase, CaseRecord, Flip, GateSettings } from './types';

export interface LatencyStats {
  p50?: number;
  p95?: number;
}

export interface Summary {
  verdict: Verdict;
  reasons: string[];
  score: number;
  total: number;
  passed: number;
  failed: number;
  errored: number;
  errorRate: number;
  ttft: LatencyStats;
  tpot: LatencyStats;
  latency: LatencyStats;
  promptTokens: number;
  completionTokens: number;
  judgePromptTokens: number;
  judgeCompletionTokens: number;
  /** Baseline score over the cases both sides have and neither errored on (what `delta` compares). */
  baselineScore?: number;
  delta?: number;
  /** Cases the delta is computed over. */
  compared?: number;
  /** Baseline cases that errored (left out of the delta). */
  baselineErrors?: number;
  flipped: Flip[];
}

/** Weighted mean of pass rates, in [0, 1]; errored samples count as not passing. */
export function weightedScore(cases: ReadonlyArray<{ weight: number; passRate: number }>): number {
  const total = cases.reduce((n, c) => n + c.weight, 0);
  if (total === 0) return 0;
  return cases.reduce((n, c) => n + c.weight * c.passRate, 0) / total;
}

const stats = (values: number[]): LatencyStats => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
});
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Cases whose pass/fail changed against the baseline (new and removed cases are not flips). */
export function flippedCases(cases: readonly CaseRecord[], baseline: readonly BaselineCase[]): Flip[] {
  const before = new Map(baseline.map((b) => [b.id, b]));
  const flips: Flip[] = [];
  for (const c of cases) {
    const b = before.get(c.id);
    if (b && (b.status === 'pass') !== (c.status === 'pass')) {
      flips.push({ id: c.id, name: c.name, file: c.file, line: c.line, from: b.status, to: c.status });
    }
  }
  return flips;
}

/**
 * Score, counts, latency percentiles and the verdict with its reasons. `partial` is one shard of
 * a split run: its cases are a slice, so min-score, max-regression and the SLOs wait for the
 * merge (a slice's score or p95 could contradict the merged verdict); errors still fail it.
 */
export function summarize(
  cases: readonly CaseRecord[],
  settings: GateSettings,
  baseline?: readonly BaselineCase[],
  options: { partial?: boolean } = {},
): Summary {
  const passed = cases.filter((c) => c.status === 'pass').length;
  const failed = cases.filter((c) => c.status === 'fail').length;
  const errored = cases.filter((c) => c.status === 'error').length;
  const score = weightedScore(cases);
  const errorRate = cases.length ? errored / cases.length : 0;
  const summary: Summary = {
    verdict: 'pass',
    reasons: [],
    score,
    total: cases.length,
    passed,
    failed,
    errored,
    errorRate,
    ttft: stats(cases.flatMap((c) => c.ttftMs)),
    tpot: stats(cases.flatMap((c) => c.tpotMs)),
    latency: stats(cases.flatMap((c) => c.latencyMs)),
    promptTokens: cases.reduce((n, c) => n + c.promptTokens, 0),
    completionTokens: cases.reduce((n, c) => n + c.completionTokens, 0),
    judgePromptTokens: cases.reduce((n, c) => n + (c.judgePromptTokens ?? 0), 0),
    judgeCompletionTokens: cases.reduce((n, c) => n + (c.judgeCompletionTokens ?? 0), 0),
    flipped: [],
  };
  const fail = (reason: string) => {
    summary.verdict = 'fail';
    summary.reasons.push(reason);
  };
  const inconclusive = (reason: string) => {
    if (summary.verdict === 'pass') summary.verdict = 'inconclusive';
    summary.reasons.push(reason);
  };
  if (cases.length === 0 && options.partial) return summary;
  if (cases.length === 0) {
    summary.verdict = 'inconclusive';
    summary.reasons.push('no eval cases found: check the suites globs and that prompt files have testData');
    return summary;
  }
  const whole = !options.partial;
  if (whole && score < settings.minScore)
    fail(`score ${pct(score)} is below min-score ${pct(settings.minScore)}`);
  if (baseline && baseline.length) {
    // Like for like: the same case ids, neither side errored. An errored case has no score to
    // compare, and a case only one side has would move the delta without anything changing.
    const before = new Map(baseline.map((b) => [b.id, b]));
    const pairs = cases.filter((c) => {
      const b = before.get(c.id);
      return b !== undefined && b.status !== 'error' && c.status !== 'error';
    });
    const baselineErrors = baseline.filter((b) => b.status === 'error').length;
    const baselineErrorRate = baselineErrors / baseline.length;
    summary.baselineErrors = baselineErrors;
    summary.compared = pairs.length;
    summary.flipped = flippedCases(cases, baseline);
    if (pairs.length) {
      summary.baselineScore = weightedScore(pairs.map((c) => before.get(c.id)!));
      summary.delta = weightedScore(pairs) - summary.baselineScore;
    }
    if (baselineErrorRate > settings.maxErrorRate) {
      inconclusive(
        `${baselineErrors} of ${baseline.length} baseline cases errored (${pct(baselineErrorRate)}), over max-error-rate ${pct(settings.maxErrorRate)}: the baseline is not a reliable comparison`,
      );
    } else if (whole && summary.delta !== undefined && -summary.delta > settings.maxRegression + 1e-9) {
      fail(
        `score fell ${pct(-summary.delta)} against the baseline on ${pairs.length} cases both ran (${pct(summary.baselineScore!)} → ${pct(summary.baselineScore! + summary.delta)}), more than max-regression ${pct(settings.maxRegression)}`,
      );
    }
  }
  // An SLO nothing was measured against is not met: say so rather than skip it.
  const slo = (limit: number, p95: number | undefined, what: string, input: string, unmeasured: string) => {
    if (limit <= 0 || !whole) return;
    if (p95 === undefined) inconclusive(`${input} is set, but no ${what} was measured: ${unmeasured}`);
    else if (p95 > limit) fail(`p95 ${what} ${Math.round(p95)} ms is over ${input} ${limit}`);
  };
  slo(
    settings.sloTtftMs,
    summary.ttft.p95,
    'time to first token',
    'slo-ttft-ms',
    'it needs stream: true and answers from the endpoint (cached answers are not timed)',
  );
  slo(
    settings.sloLatencyMs,
    summary.latency.p95,
    'latency',
    'slo-latency-ms',
    'every answer came from the cache or failed (cached answers are not timed)',
  );
  if (errorRate > settings.maxErrorRate) {
    fail(
      `${errored} of ${cases.length} cases errored (${pct(errorRate)}), over max-error-rate ${pct(settings.maxErrorRate)}`,
    );
  }
  return summary;
}
