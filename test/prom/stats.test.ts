import { wilson } from '@llmops/core';
import * as prom from '@llmops/prom';
import { beyondTolerance, normalCdf, normalQuantile, rankSum, twoProportion } from '@llmops/prom';

// Where the expected numbers come from:
// - "hand": worked out on paper from the formulas in the comments.
// - "R docs": the two-sample example in R's ?wilcox.test (x = 0.80 … 1.46, y = 1.15 … 1.21), whose
//   printed statistic is W = 35.
// - "Python": R is not installed here, so the normal-approximation values R's
//   wilcox.test(x, y, exact = FALSE, correct = FALSE, conf.int = TRUE) reports were computed by an
//   independent script (Python 3, the textbook formulas, math.erfc for the normal tail): W = rank
//   sum of x − n(n+1)/2; σ² = nm/12·((N+1) − Σ(t³−t)/(N(N−1))); z = (W − nm/2)/σ; p = erfc(|z|/√2).
//   The interval is the order-statistic one (k = ⌊nm/2 − 1.959964·σ⌋), not R's uniroot search,
//   so it is checked against the script, not against R.
// - "Newcombe 1998": Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score).

describe('normal distribution', () => {
  it('matches printed normal tables', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe('rankSum', () => {
  it('separated samples (hand)', () => {
    // Canary ranks 1,2,3 → W = 6 − 6 = 0; σ² = 3·3/12·7 = 5.25; z = −4.5/√5.25 = −1.963961.
    const r = rankSum([1, 2, 3], [4, 5, 6]);
    expect(r.w).toBe(0);
    expect(r.z).toBeCloseTo(-1.963961, 5);
    expect(r.p).toBeCloseTo(0.0495346, 6); // Python: erfc(1.963961/√2)
    expect(r.shift).toBe(-3); // median of the 9 differences −5 … −1
    expect(r.interval).toEqual([-5, -1]); // k = max(1, ⌊4.5 − 1.96·2.29⌋) = 1: the extremes
  });

  it("R's documented two-sample example", () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = rankSum(x, y);
    expect(r.w).toBe(35); // R docs
    expect(r.z).toBeCloseTo(1.2247449, 6); // Python
    expect(r.p).toBeCloseTo(0.2206714, 6); // Python
    expect(r.shift).toBeCloseTo(0.305, 10); // Python: median of 50 differences
    expect(r.interval[0]).toBeCloseTo(-0.17, 10); // Python: k = 8
    expect(r.interval[1]).toBeCloseTo(0.76, 10);
  });

  it('tie-corrected variance (Python)', () => {
    // TTFT-like values with ties inside and across the samples (0.25 ×4, 0.21 ×2, 0.22 ×2, 0.20 ×2).
    const canary = [0.21, 0.25, 0.25, 0.3, 0.22, 0.28, 0.25, 0.31];
    const baseline = [0.2, 0.21, 0.19, 0.25, 0.22, 0.18, 0.2];
    const r = rankSum(canary, baseline);
    expect(r.w).toBe(50.5);
    expect(r.z).toBeCloseTo(2.6346291, 6); // σ² = 72.9333 (untied: 74.6667)
    expect(r.p).toBeCloseTo(0.0084229, 6);
    expect(r.shift).toBeCloseTo(0.05, 10);
    expect(r.interval[0]).toBeCloseTo(0.01, 10);
    expect(r.interval[1]).toBeCloseTo(0.09, 10);
  });

  it('drops NaN samples and is symmetric', () => {
    const a = rankSum([1, NaN, 2, 3], [4, 5, NaN, 6]);
    expect([a.n, a.m, a.w]).toEqual([3, 3, 0]);
    const b = rankSum([4, 5, 6], [1, 2, 3]);
    expect(b.w).toBe(9);
    expect(b.z).toBeCloseTo(-a.z, 10);
    expect(b.p).toBeCloseTo(a.p, 10);
  });

  it('refuses infinite samples instead of reporting a NaN shift with p = 1', () => {
    expect(() => rankSum([1, 2, Infinity], [1, 2, 3])).toThrow(RangeError);
    expect(() => rankSum([1, 2, 3], [-Infinity, 2, 3])).toThrow(/samples must be finite/);
  });

  it('all-tied samples show no shift instead of dividing by zero', () => {
    const r = rankSum([0, 0, 0, 0], [0, 0, 0]);
    expect(r.z).toBe(0);
    expect(r.p).toBe(1);
    expect(r.interval).toEqual([0, 0]);
  });
});

describe('twoProportion', () => {
  it("Newcombe's example (a): 56/70 vs 48/80", () => {
    const r = twoProportion({ events: 56, total: 70 }, { events: 48, total: 80 });
    expect(r.difference).toBeCloseTo(0.2, 10);
    expect(r.interval[0]).toBeCloseTo(0.0524, 4); // Newcombe 1998
    expect(r.interval[1]).toBeCloseTo(0.3339, 4);
    expect(r.z).toBeCloseTo(2.650172, 5); // Python: pooled z
    expect(r.p).toBeCloseTo(0.0080451, 6);
  });

  it("Newcombe's example with no events: 0/10 vs 0/20", () => {
    const r = twoProportion({ events: 0, total: 10 }, { events: 0, total: 20 });
    expect(r.interval[0]).toBeCloseTo(-0.1611, 4); // Newcombe 1998
    expect(r.interval[1]).toBeCloseTo(0.2775, 4);
    expect(r.p).toBe(1);
    expect(wilson(0, 10, 1.959964).high).toBeCloseTo(0.2775, 4);
  });

  it("builds Newcombe's interval on core's Wilson interval, the only one (prom keeps no copy)", () => {
    expect('wilson' in prom).toBe(false);
  });

  it('error rates 2.5% vs 0.5% at 2,000 requests (Python)', () => {
    const r = twoProportion({ events: 50, total: 2000 }, { events: 10, total: 2000 });
    expect(r.z).toBeCloseTo(5.203149, 5);
    expect(r.interval[0]).toBeCloseTo(0.0126995, 6);
    expect(r.interval[1]).toBeCloseTo(0.0281334, 6);
  });

  it('refuses counts that are not whole numbers of requests (infinite, NaN, events above the total)', () => {
    expect(() => twoProportion({ events: 1, total: Infinity }, { events: 1, total: 10 })).toThrow(RangeError);
    expect(() => twoProportion({ events: NaN, total: 10 }, { events: 1, total: 10 })).toThrow(RangeError);
    expect(() => twoProportion({ events: 1, total: 10 }, { events: 11, total: 10 })).toThrow(RangeError);
  });
});

describe('beyondTolerance', () => {
  it('needs a real shift (interval excludes 0) that is also bigger than the band', () => {
    expect(beyondTolerance(0.3, [0.2, 0.4], 0.1, 'increase')).toBe('increase');
    expect(beyondTolerance(0.05, [0.01, 0.09], 0.1, 'increase')).toBeUndefined(); // real, too small
    expect(beyondTolerance(0.3, [-0.1, 0.7], 0.1, 'increase')).toBeUndefined(); // big, not real
    expect(beyondTolerance(-0.3, [-0.4, -0.2], 0.1, 'increase')).toBeUndefined(); // the harmless side
    expect(beyondTolerance(-0.3, [-0.4, -0.2], 0.1, 'decrease')).toBe('decrease');
    expect(beyondTolerance(-0.3, [-0.4, -0.2], 0.1, 'either')).toBe('decrease');
  });

  it('refuses NaN rather than reading it as no regression', () => {
    expect(() => beyondTolerance(NaN, [NaN, NaN], 0.1, 'increase')).toThrow(RangeError);
    expect(() => beyondTolerance(0.3, [0.2, 0.4], NaN, 'either')).toThrow(RangeError);
  });
});
