export type Direction = 'increase' | 'decrease' | 'either';

/**
 * Whether a shift (canary − baseline) is a regression: its confidence interval excludes zero on
 * a side that matters (the change is real) and its estimate lies outside the tolerance band
 * [−band, +band] (the change is big enough to matter), as automated canary analysis classifies a
 * metric "high" or "low". A shift inside the band, or one the data cannot tell from noise,
 * is not a failure.
 */
export function beyondTolerance(
  estimate: number,
  interval: readonly [number, number],
  band: number,
  direction: Direction,
): 'increase' | 'decrease' | undefined {
  // NaN compares false both ways and would read as "no regression": refuse it instead.
  if ([estimate, ...interval, band].some(Number.isNaN))
    throw new RangeError('beyondTolerance: the estimate, interval and band must be numbers, got NaN');
  const [low, high] = interval;
  if (direction !== 'decrease' && low > 0 && estimate > band) return 'increase';
  if (direction !== 'increase' && high < 0 && estimate < -band) return 'decrease';
  return undefined;
}
