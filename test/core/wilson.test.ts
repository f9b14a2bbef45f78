import { wilson } from '@llmops/core';

describe('wilson', () => {
  it('matches the textbook interval and stays inside [0, 1]', () => {
    const half = wilson(5, 10);
    expect(half.rate).toBe(0.5);
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
    const none = wilson(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 3);
    expect(wilson(10, 10).high).toBe(1);
    expect(wilson(0, 0)).toEqual({ successes: 0, trials: 0, rate: 0, low: 0, high: 1 });
  });

  it('is honest at small n', () => {
    const { low, high } = wilson(5, 5);
    expect(low).toBeCloseTo(0.566, 2);
    expect(high).toBe(1);
  });
});
