import { wilson } from '@llmops/core';
import { normalQuantile, twoSidedP } from './normal';

/** Events out of a number of trials: errors out of requests. */
export interface Counts {
  events: number;
  total: number;
}

export interface ProportionResult {
  /** Canary and baseline rates (events / total). */
  canary: number;
  baseline: number;
  /** canary − baseline. */
  difference: number;
  /** Pooled two-proportion z statistic and its two-sided p-value. */
  z: number;
  p: number;
  /** Newcombe's hybrid score interval on the difference (method 10 of Newcombe 1998). */
  interval: [number, number];
  confidence: number;
}

/**
 * Two-proportion test of the canary's event rate against the baseline's. Error rates from
 * sparse counters: a rank-sum test on mostly-zero samples is all ties and sees nothing, while a
 * test on the counts themselves does. Newcombe's interval stays sensible at 0 events, where
 * the Wald interval collapses to a point.
 */
export function twoProportion(canary: Counts, baseline: Counts, confidence = 0.95): ProportionResult {
  for (const { events, total } of [canary, baseline]) {
    if (!Number.isInteger(total) || total <= 0)
      throw new RangeError(`twoProportion: totals must be positive whole numbers, got ${total}`);
    if (!Number.isInteger(events) || events < 0 || events > total)
      throw new RangeError(`twoProportion: events must be whole numbers from 0 to the total, got ${events}`);
  }
  const p1 = canary.events / canary.total;
  const p2 = baseline.events / baseline.total;
  const pooled = (canary.events + baseline.events) / (canary.total + baseline.total);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / canary.total + 1 / baseline.total));
  const z = se > 0 ? (p1 - p2) / se : 0;
  const p = se > 0 ? twoSidedP(z) : 1;
  const zq = normalQuantile(1 - (1 - confidence) / 2);
  const { low: l1, high: u1 } = wilson(canary.events, canary.total, zq);
  const { low: l2, high: u2 } = wilson(baseline.events, baseline.total, zq);
  const d = p1 - p2;
  const interval: [number, number] = [
    d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  ];
  return { canary: p1, baseline: p2, difference: d, z, p, interval, confidence };
}
