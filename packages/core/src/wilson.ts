export interface Proportion {
  successes: number;
  trials: number;
  /** successes / trials; 0 when there are no trials. */
  rate: number;
  /** Wilson score interval bounds (95% by default). */
  low: number;
  high: number;
}

/** Wilson score interval: well-behaved at 0, 1 and small n, unlike the normal approximation. */
export function wilson(successes: number, trials: number, z = 1.959964): Proportion {
  if (trials <= 0) return { successes: 0, trials: 0, rate: 0, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    successes,
    trials,
    rate: p,
    // Exact at the edges: floating point would give 0.9999999999999999 for 10/10.
    low: successes === 0 ? 0 : Math.max(0, centre - margin),
    high: successes === trials ? 1 : Math.min(1, centre + margin),
  };
}
