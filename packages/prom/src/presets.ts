import type { Direction } from './stats/judge';

/** PromQL for the successful and the total requests of a window: the counts a proportion test needs. */
export interface CountQueries {
  success: string;
  total: string;
}

export interface Preset {
  description: string;
  /** Which way is worse, when the check does not say. */
  direction: Direction;
  /** One value over `selector`, rates taken over `range` (a Prometheus duration). */
  value(selector: string, range: string): string;
  /** Request counts for the proportion test (presets of success or error rates). */
  counts?(selector: string, range: string): CountQueries;
}

/** `{a="b", extra}`: the user's selector (braces optional) joined with the preset's own matchers. */
export function matchers(selector: string, ...extra: string[]): string {
  const own = selector
    .trim()
    .replace(/^\{([\s\S]*)\}$/, '$1')
    .trim();
  return `{${[own, ...extra].filter(Boolean).join(',')}}`;
}

function quantile(q: number, metric: string) {
  return (selector: string, range: string) =>
    `histogram_quantile(${q}, sum by (le) (rate(${metric}${matchers(selector)}[${range}])))`;
}

/** Either of two names for one histogram: the newer first, the older when the newer has no series. */
function quantileEither(q: number, newer: string, older: string) {
  return (selector: string, range: string) =>
    `${quantile(q, newer)(selector, range)} or ${quantile(q, older)(selector, range)}`;
}

// vLLM metric names: docs.vllm.ai "Production Metrics" and docs/design/metrics.md. vLLM 0.11 renamed
// vllm:time_per_output_token_seconds to vllm:inter_token_latency_seconds (the old name was removed in
// 0.13). vllm:gpu_cache_usage_perc was deprecated for vllm:kv_cache_usage_perc by vLLM PR #18354
// (a separate change from the 0.11 rename), so the KV-cache preset reads either name.
const VLLM_TTFT = 'vllm:time_to_first_token_seconds_bucket';
const VLLM_E2E = 'vllm:e2e_request_latency_seconds_bucket';
const VLLM_ITL = 'vllm:inter_token_latency_seconds_bucket';
const VLLM_TPOT_OLD = 'vllm:time_per_output_token_seconds_bucket';
// vllm:request_success_total counts finished requests by finished_reason: stop and length are
// answers; abort (and error, where reported) are not.
const VLLM_FINISHED = 'vllm:request_success_total';
const VLLM_GOOD = 'finished_reason=~"stop|length"';

// TGI: huggingface.co/docs/text-generation-inference/reference/metrics (histograms in seconds).
// Istio standard metrics: istio_requests_total (response_code label), istio_request_duration_milliseconds.
// Both the client's and the server's sidecar report every request (label `reporter`): the presets
// count the server side (`reporter="destination"`) once, unless the selector names a reporter.
function istio(selector: string, ...extra: string[]): string {
  const named = /(^|[{,\s])reporter\s*(=|!=|=~|!~)/.test(selector);
  return matchers(selector, ...(named ? [] : ['reporter="destination"']), ...extra);
}

export const PRESETS: Record<string, Preset> = {
  'vllm-ttft-p50': {
    description: 'vLLM time to first token, p50 (s)',
    direction: 'increase',
    value: quantile(0.5, VLLM_TTFT),
  },
  'vllm-ttft-p95': {
    description: 'vLLM time to first token, p95 (s)',
    direction: 'increase',
    value: quantile(0.95, VLLM_TTFT),
  },
  'vllm-ttft-p99': {
    description: 'vLLM time to first token, p99 (s)',
    direction: 'increase',
    value: quantile(0.99, VLLM_TTFT),
  },
  'vllm-e2e-latency-p95': {
    description: 'vLLM end-to-end request latency, p95 (s)',
    direction: 'increase',
    value: quantile(0.95, VLLM_E2E),
  },
  'vllm-e2e-latency-p99': {
    description: 'vLLM end-to-end request latency, p99 (s)',
    direction: 'increase',
    value: quantile(0.99, VLLM_E2E),
  },
  'vllm-itl-p95': {
    description: 'vLLM inter-token latency, p95 (s); vllm:time_per_output_token_seconds before 0.11',
    direction: 'increase',
    value: quantileEither(0.95, VLLM_ITL, VLLM_TPOT_OLD),
  },
  'vllm-queue-depth': {
    description: 'vLLM requests waiting, summed over replicas, averaged over the window',
    direction: 'increase',
    value: (s, r) => `sum(avg_over_time(vllm:num_requests_waiting${matchers(s)}[${r}]))`,
  },
  'vllm-running-requests': {
    description: 'vLLM requests running, summed over replicas, averaged over the window',
    direction: 'either',
    value: (s, r) => `sum(avg_over_time(vllm:num_requests_running${matchers(s)}[${r}]))`,
  },
  'vllm-kv-cache-usage': {
    description: 'vLLM KV-cache usage (0–1), mean over replicas; vllm:gpu_cache_usage_perc before the rename',
    direction: 'increase',
    value: (s, r) =>
      `avg(avg_over_time(vllm:kv_cache_usage_perc${matchers(s)}[${r}])) or avg(avg_over_time(vllm:gpu_cache_usage_perc${matchers(s)}[${r}]))`,
  },
  'vllm-generation-throughput': {
    description: 'vLLM generated tokens per second, summed over replicas',
    direction: 'decrease',
    value: (s, r) => `sum(rate(vllm:generation_tokens_total${matchers(s)}[${r}]))`,
  },
  'vllm-request-success-rate': {
    description:
      'vLLM share of finished requests that stopped or hit max length (not aborted); the proportion test compares error rates',
    direction: 'decrease',
    value: (s, r) =>
      `sum(rate(${VLLM_FINISHED}${matchers(s, VLLM_GOOD)}[${r}])) / sum(rate(${VLLM_FINISHED}${matchers(s)}[${r}]))`,
    counts: (s, r) => ({
      success: `sum(increase(${VLLM_FINISHED}${matchers(s, VLLM_GOOD)}[${r}]))`,
      total: `sum(increase(${VLLM_FINISHED}${matchers(s)}[${r}]))`,
    }),
  },
  'tgi-request-duration-p95': {
    description: 'TGI end-to-end request duration, p95 (s)',
    direction: 'increase',
    value: quantile(0.95, 'tgi_request_duration_bucket'),
  },
  'tgi-request-duration-p99': {
    description: 'TGI end-to-end request duration, p99 (s)',
    direction: 'increase',
    value: quantile(0.99, 'tgi_request_duration_bucket'),
  },
  'tgi-queue-time-p95': {
    description: 'TGI time requests spend queued, p95 (s)',
    direction: 'increase',
    value: quantile(0.95, 'tgi_request_queue_duration_bucket'),
  },
  'tgi-queue-time-p99': {
    description: 'TGI time requests spend queued, p99 (s)',
    direction: 'increase',
    value: quantile(0.99, 'tgi_request_queue_duration_bucket'),
  },
  'istio-5xx-rate': {
    description: 'Istio share of requests answered 5xx',
    direction: 'increase',
    // No 5xx series at all is a healthy service, not missing data: `or vector(0)`.
    value: (s, r) =>
      `(sum(rate(istio_requests_total${istio(s, 'response_code=~"5.."')}[${r}])) or vector(0)) / sum(rate(istio_requests_total${istio(s)}[${r}]))`,
    counts: (s, r) => ({
      success: `sum(increase(istio_requests_total${istio(s, 'response_code!~"5.."')}[${r}]))`,
      total: `sum(increase(istio_requests_total${istio(s)}[${r}]))`,
    }),
  },
  'istio-request-duration-p99': {
    description: 'Istio request duration, p99 (ms)',
    direction: 'increase',
    value: (s, r) =>
      `histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket${istio(s)}[${r}])))`,
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as [string, ...string[]];
