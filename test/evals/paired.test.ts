import { studentTCdf, studentTQuantile } from '../../packages/evals/src/compare/student-t';
import { pairedRatio } from '../../packages/evals/src/compare/paired';
import { agreement } from '../../packages/evals/src/compare/agreement';

describe("Student's t", () => {
  it('matches published table values', () => {
    // Two-sided 95% critical values from standard t tables.
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.571, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.995, 10)).toBeCloseTo(3.169, 3);
    expect(studentTCdf(2, 10)).toBeCloseTo(0.96331, 5);
    expect(studentTCdf(-3, 3)).toBeCloseTo(0.02883, 5);
    expect(studentTCdf(0, 7)).toBe(0.5);
  });
});

describe('pairedRatio', () => {
  it('finds a 20% slowdown on the same cases however different the cases are', () => {
    // Cases from 50 ms to 5 s: two independent means would drown 20% in that spread.
    const production = [0.05, 0.4, 5, 1.2, 0.08, 2.5, 0.3, 0.9, 3.3, 0.15];
    const noise = [1.02, 0.97, 1.01, 0.99, 1.03, 0.98, 1.0, 1.02, 0.99, 0.98];
    const candidate = production.map((p, i) => p * 1.2 * noise[i]!);
    const result = pairedRatio(candidate, production);
    expect(result.n).toBe(10);
    expect(result.ratio).toBeCloseTo(1.2, 1);
    expect(result.low).toBeGreaterThan(1.15);
    expect(result.high).toBeLessThan(1.25);
    expect(result.p).toBeLessThan(1e-6);
  });

  it('sees no difference when both sides vary around the same times', () => {
    const production = [1, 2, 3, 4, 5, 6];
    const candidate = [1.1, 1.8, 3.2, 3.9, 5.3, 5.7];
    const result = pairedRatio(candidate, production);
    expect(result.p).toBeGreaterThan(0.5);
    expect(result.low).toBeLessThan(1);
    expect(result.high).toBeGreaterThan(1);
  });

  it('leaves out cases with a missing or zero time on either side, and says how many it used', () => {
    const result = pairedRatio([2, undefined, 0, 4, 6], [1, 1, 1, 2, 3]);
    expect(result.n).toBe(3);
    expect(result.ratio).toBeCloseTo(2, 10);
    expect(result.p).toBe(0); // the same ratio on every case
  });

  it('has no interval or p-value from fewer than two cases', () => {
    expect(pairedRatio([2], [1])).toMatchObject({ n: 1, ratio: 2 });
    expect(pairedRatio([2], [1]).p).toBeNaN();
    expect(pairedRatio([], []).ratio).toBeNaN();
  });
});

describe('agreement', () => {
  it('is exact when only case, punctuation, articles and spacing differ', () => {
    expect(agreement('The answer is: Paris.', 'answer is  paris')).toEqual({ exact: true, f1: 1 });
  });
  it('scores partly shared answers by token F1, counting repeated words once per use', () => {
    // candidate: paris is capital (3) / production: capital of france is paris (5); shared 3
    const { exact, f1 } = agreement('Paris is the capital.', 'The capital of France is Paris');
    expect(exact).toBe(false);
    expect(f1).toBeCloseTo((2 * (3 / 3) * (3 / 5)) / (3 / 3 + 3 / 5), 10);
    expect(agreement('yes yes yes', 'yes no').f1).toBeCloseTo((2 * (1 / 3) * (1 / 2)) / (1 / 3 + 1 / 2), 10);
  });
  it('gives 0 for nothing shared and for one empty answer', () => {
    expect(agreement('red', 'blue').f1).toBe(0);
    expect(agreement('', 'blue')).toEqual({ exact: false, f1: 0 });
    expect(agreement('', '')).toEqual({ exact: true, f1: 1 });
  });
});
