import { studentTCdf, studentTQuantile } from './student-t';

/** How much slower (or faster) a candidate is than production on the same cases. */
export interface PairedRatio {
  /** Cases measured on both sides (a case with a missing or non-positive time on either is left out). */
  n: number;
  /** Candidate ÷ production: the geometric mean of the per-case ratios (1.2 = 20% slower). */
  ratio: number;
  /** The confidence interval of `ratio` (95% unless asked otherwise); NaN with fewer than 2 cases. */
  low: number;
  high: number;
  /** Two-sided p-value for "no difference"; NaN with fewer than 2 cases. */
  p: number;
}

/**
 * Paired comparison of two latencies measured on the same cases: a t-test on the per-case log
 * ratios. Pairing cancels what the case itself contributes (a long prompt is slow on both sides),
 * which two independent means would count as noise; logs make a ratio of the heavy-tailed times
 * symmetric, and the result reads as "x% slower".
 */
export function pairedRatio(
  candidate: readonly (number | undefined)[],
  production: readonly (number | undefined)[],
  confidence = 0.95,
): PairedRatio {
  const logs: number[] = [];
  for (let i = 0; i < Math.min(candidate.length, production.length); i++) {
    const c = candidate[i];
    const p = production[i];
    if (c !== undefined && p !== undefined && c > 0 && p > 0) logs.push(Math.log(c / p));
  }
  const n = logs.length;
  if (n === 0) return { n, ratio: NaN, low: NaN, high: NaN, p: NaN };
  const mean = logs.reduce((sum, x) => sum + x, 0) / n;
  if (n < 2) return { n, ratio: Math.exp(mean), low: NaN, high: NaN, p: NaN };
  const variance = logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
  const se = Math.sqrt(variance / n);
  if (se === 0) {
    // Identical ratios on every case: the difference is exact.
    const ratio = Math.exp(mean);
    return { n, ratio, low: ratio, high: ratio, p: mean === 0 ? 1 : 0 };
  }
  const t = mean / se;
  const margin = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * se;
  return {
    n,
    ratio: Math.exp(mean),
    low: Math.exp(mean - margin),
    high: Math.exp(mean + margin),
    p: Math.min(1, 2 * studentTCdf(-Math.abs(t), n - 1)),
  };
}
