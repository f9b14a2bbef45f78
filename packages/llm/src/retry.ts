import { parseRetryAfter } from '@llmops/core';

/** Statuses worth another attempt: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The wait a response asks for, in milliseconds: the `retry-after-ms` header OpenAI sends, else
 * `Retry-After` (core's reading: seconds or an HTTP date); undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  return parseRetryAfter(headers.get('retry-after'), now);
}

/** Exponential backoff with full jitter (AWS architecture blog), capped. */
export function backoffMs(attempt: number, baseMs = 250, capMs = 20_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
