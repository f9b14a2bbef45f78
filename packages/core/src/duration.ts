const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * The longest delay a timer holds: Node stores it in a signed 32-bit integer, and a longer
 * `setTimeout` fires after 1 ms instead (with only a warning). Every duration a user gives is
 * held to it, and so is a run made of many of them.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** "500ms", "30s", "5m", "1h30m" or a bare number of seconds → milliseconds; undefined if malformed. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) return undefined;
  return parts.reduce((total, [, n, unit]) => total + Number(n) * UNITS[unit!]!, 0);
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return `${ms}ms`;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)}s`;
  const total = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

export interface DurationBounds {
  /** Default 0. */
  min?: number;
  /** Default and ceiling: MAX_TIMER_MS. */
  max?: number;
}

/** `596h31m23s`: a bound as a user would write it, never above the bound itself. */
const bound = (ms: number) => formatDuration(ms >= 1000 ? Math.floor(ms / 1000) * 1000 : ms);

/**
 * What is wrong with a duration a user wrote, in the words of the rest of a message ("expected a
 * duration such as 30s, 5m or 1h, at most 596h31m23s"); undefined when it is fine. The one
 * reading of every duration: action inputs, check and step fields alike.
 */
export function durationProblem(text: string, bounds: DurationBounds = {}): string | undefined {
  const min = bounds.min ?? 0;
  const max = Math.min(bounds.max ?? MAX_TIMER_MS, MAX_TIMER_MS);
  const ms = parseDuration(text);
  const range = min > 0 ? `from ${bound(min)} to ${bound(max)}` : `at most ${bound(max)}`;
  if (ms === undefined || !Number.isFinite(ms) || ms < min || ms > max)
    return `expected a duration such as 30s, 5m or 1h, ${range}`;
  return undefined;
}

/**
 * A total made of parts (count × interval): the message when it is past what a timer holds,
 * naming the parts, so a run can never overflow into one that "passes" at once.
 */
export function totalDurationProblem(totalMs: number, how: string): string | undefined {
  if (Number.isFinite(totalMs) && totalMs <= MAX_TIMER_MS) return undefined;
  return `${how} makes a run of ${formatDuration(totalMs)}, past the longest allowed (${bound(MAX_TIMER_MS)})`;
}
