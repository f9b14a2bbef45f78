import { jest } from '@jest/globals';
import {
  durationProblem,
  formatDuration,
  InputError,
  input,
  MAX_TIMER_MS,
  parseDuration,
  parseRetryAfter,
  readInputs,
  sleep,
  totalDurationProblem,
} from '@llmops/core';
import { z } from 'zod';

describe('durations past what a timer holds', () => {
  const schema = z.object({
    'timeout-ms': input.integer({ min: 1 }),
    interval: input.duration(),
    timeout: input.duration({ min: 1000 }),
    count: input.integer({ min: 1, max: 10_000 }),
    'error-limit': input.integer({ min: 0 }),
  });
  const good = { 'timeout-ms': '60000', interval: '1m', timeout: '10m', count: '5', 'error-limit': '2' };
  const read = (values: Record<string, string>) => readInputs(schema, (name) => values[name]);

  it('accepts the longest delay a timer holds, and nothing past it', () => {
    expect(read({ ...good, 'timeout-ms': String(MAX_TIMER_MS), interval: '596h31m23s' })).toMatchObject({
      'timeout-ms': 2_147_483_647,
      interval: 2_147_483_000,
    });
  });

  it.each([
    ['timeout-ms', '3000000000', 'expected an integer from 1 to 2147483647'],
    ['interval', '600h', 'expected a duration such as 30s, 5m or 1h, at most 596h31m23s'],
    ['interval', '596h31m24s', 'expected a duration such as 30s, 5m or 1h, at most 596h31m23s'],
    ['timeout', '0s', 'expected a duration such as 30s, 5m or 1h, from 1s to 596h31m23s'],
    ['count', '10001', 'expected an integer from 1 to 10000'],
    ['error-limit', '1e12', 'expected an integer from 0 to 2147483647'],
    ['error-limit', 'Infinity', 'expected an integer from 0 to 2147483647'],
  ])('%s=%s is one line naming input, value and range', (name, value, allowed) => {
    expect(() => read({ ...good, [name]: value })).toThrow(
      new InputError(`input '${name}' has value '${value}': ${allowed}`),
    );
  });

  it('durationProblem and totalDurationProblem say what is allowed', () => {
    expect(durationProblem('30s')).toBeUndefined();
    expect(durationProblem('1e9')).toMatch(/^expected a duration/);
    expect(totalDurationProblem(3 * 3_600_000, '4 x 1h')).toBeUndefined();
    expect(totalDurationProblem(2 * 600 * 3_600_000, '3 measurements 600h apart')).toBe(
      '3 measurements 600h apart makes a run of 1200h, past the longest allowed (596h31m23s)',
    );
  });

  it('formats long durations in hours', () => {
    expect(formatDuration(1_800_000)).toBe('30m');
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(3_630_000)).toBe('1h30s');
    expect(formatDuration(119_600)).toBe('2m');
    expect(parseDuration(formatDuration(MAX_TIMER_MS))).toBe(2_147_484_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('sleep', () => {
  afterEach(() => jest.useRealTimers());

  it('waits out a delay past the timer limit in pieces instead of firing at 1 ms', async () => {
    jest.useFakeTimers();
    let done = false;
    const slept = sleep(3_000_000_000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(3_000_000_000 - MAX_TIMER_MS);
    await slept;
    expect(done).toBe(true);
  });

  it('stops at once when aborted, and refuses a negative or NaN delay', async () => {
    const controller = new AbortController();
    const slept = sleep(MAX_TIMER_MS * 2, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(slept).rejects.toThrow('cancelled');
    await expect(sleep(-1)).rejects.toThrow(RangeError);
    await expect(sleep(NaN)).rejects.toThrow(RangeError);
  });
});
