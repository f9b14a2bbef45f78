import { median } from './describe';
import { normalQuantile, twoSidedP } from './normal';

/** A two-sided Wilcoxon rank-sum (Mann-Whitney) comparison of canary with baseline. */
export interface RankSumResult {
  /** Sample sizes after NaN removal: canary, baseline. */
  n: number;
  m: number;
  /** R's `W`: the rank sum of the canary sample minus n(n+1)/2 (the Mann-Whitney U of canary). */
  w: number;
  /** Tie-corrected normal approximation, no continuity correction (R: exact=FALSE, correct=FALSE). */
  z: number;
  p: number;
  /** Hodges-Lehmann shift: median of every canary − baseline difference. Positive: canary is higher. */
  shift: number;
  /** Confidence interval on the shift, from order statistics of the pairwise differences. */
  interval: [number, number];
  confidence: number;
}

/** Average ranks (1-based) of the pooled sample, plus Σ(t³ − t) over groups of ties. */
function rank(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    const average = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]!.index] = average;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { ranks, tieTerm };
}

/**
 * Wilcoxon rank-sum test of `canary` against `baseline`. NaN samples are dropped first; each
 * sample needs at least one value, and ±Inf is refused (RangeError). The interval is the distribution-free one (Hollander & Wolfe,
 * "Nonparametric Statistical Methods", §4.3): the k-th smallest and k-th largest of the n·m
 * pairwise differences, k from the normal approximation with the tie-corrected variance.
 */
export function rankSum(
  canary: readonly number[],
  baseline: readonly number[],
  confidence = 0.95,
): RankSumResult {
  const x = canary.filter((v) => !Number.isNaN(v));
  const y = baseline.filter((v) => !Number.isNaN(v));
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) throw new RangeError('rankSum: both samples need at least one value');
  // ±Inf ranks, but its differences (Inf − Inf = NaN) make the shift and interval meaningless.
  if (![...x, ...y].every(Number.isFinite))
    throw new RangeError('rankSum: samples must be finite (±Inf cannot be compared)');
  const total = n + m;
  const { ranks, tieTerm } = rank([...x, ...y]);
  let canaryRanks = 0;
  for (let i = 0; i < n; i++) canaryRanks += ranks[i]!;
  const w = canaryRanks - (n * (n + 1)) / 2;
  const variance = ((n * m) / 12) * (total + 1 - (total > 1 ? tieTerm / (total * (total - 1)) : 0));
  const sigma = Math.sqrt(Math.max(0, variance));
  const z = sigma > 0 ? (w - (n * m) / 2) / sigma : 0;
  const p = sigma > 0 ? twoSidedP(z) : 1;

  const differences: number[] = [];
  for (const a of x) for (const b of y) differences.push(a - b);
  differences.sort((a, b) => a - b);
  const count = differences.length;
  const shift = median(differences);
  const zq = normalQuantile(1 - (1 - confidence) / 2);
  // The ends are the k-th smallest and k-th largest differences: k − 1 are cut from each end
  // (k ≥ 1, so at worst the extremes are the interval).
  const k = Math.min(Math.max(Math.floor((n * m) / 2 - zq * sigma), 1), Math.ceil(count / 2));
  const interval: [number, number] = [differences[k - 1]!, differences[count - k]!];
  return { n, m, w, z, p, shift, interval, confidence };
}
