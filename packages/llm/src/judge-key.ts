import { normalizeBaseUrl } from './client';

/**
 * The judge's API key, one rule for every command: `judge-api-key` when given; otherwise
 * `api-key`, but only when the judge is the model's own endpoint (`judge-base-url` unset, or the
 * same URL once normalised). The target's key is never sent to another endpoint: a judge on
 * another host (a hosted model judging a self-hosted one) needs its own key, and gets none.
 */
export function judgeApiKey(endpoints: {
  baseURL: string;
  apiKey?: string;
  judgeBaseURL?: string;
  judgeApiKey?: string;
}): string | undefined {
  if (endpoints.judgeApiKey) return endpoints.judgeApiKey;
  const { baseURL, judgeBaseURL } = endpoints;
  const same = !judgeBaseURL || normalizeBaseUrl(judgeBaseURL) === normalizeBaseUrl(baseURL);
  return same ? endpoints.apiKey : undefined;
}
