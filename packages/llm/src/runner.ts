import type { LlmClient } from './client';
import type { ChatRequest, ChatResult } from './types';

export interface RunTotals {
  requests: number;
  cacheHits: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  wallMs: number;
}

/**
 * Send many requests through one client and collect every result in input order. The client's
 * limiter bounds concurrency; this only keeps enough work queued to fill it. What each result
 * means (assertions, detectors) is the caller's business — the quality gate and the safety
 * tests sit on top of this.
 */
export async function runRequests<T>(
  client: LlmClient,
  items: readonly T[],
  toRequest: (item: T, index: number) => ChatRequest,
  onResult?: (result: ChatResult, item: T, index: number) => void | Promise<void>,
): Promise<{ results: ChatResult[]; totals: RunTotals }> {
  const before = { ...client.stats };
  const start = performance.now();
  const results: ChatResult[] = new Array(items.length);
  await Promise.all(
    items.map(async (item, index) => {
      const result = await client.complete(toRequest(item, index));
      results[index] = result;
      await onResult?.(result, item, index);
    }),
  );
  let promptTokens = 0;
  let completionTokens = 0;
  let errors = 0;
  for (const r of results) {
    if (r.error) errors++;
    if (!r.cached && r.usage) {
      promptTokens += r.usage.promptTokens;
      completionTokens += r.usage.completionTokens;
    }
  }
  return {
    results,
    totals: {
      requests: client.stats.requests - before.requests,
      cacheHits: client.stats.cacheHits - before.cacheHits,
      errors,
      promptTokens,
      completionTokens,
      wallMs: performance.now() - start,
    },
  };
}
