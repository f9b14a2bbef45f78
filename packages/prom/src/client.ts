import { redactUrl, registerSecret, registerUrlSecrets, UserError } from '@llmops/core';

/** One series of an instant query: its labels and value (NaN and ±Inf kept as numbers). */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** One series of a range query. */
export interface Series {
  labels: Record<string, string>;
  values: Array<[seconds: number, value: number]>;
}

export interface RangeSpec {
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
  stepMs: number;
}

/** What the measurement loop needs from Prometheus; tests can pass their own. */
export interface PromApi {
  /** Instant query at `time` (ms since the epoch). */
  query(promql: string, time: number, signal?: AbortSignal): Promise<Sample[]>;
  queryRange(promql: string, range: RangeSpec, signal?: AbortSignal): Promise<Series[]>;
}

export type PromErrorKind = 'unreachable' | 'timeout' | 'http' | 'query';

/** A failed request: unreachable server, HTTP error, or a query Prometheus rejected (with its message). */
export class PromError extends Error {
  constructor(
    message: string,
    readonly kind: PromErrorKind,
    /** Worth another try: the server may come back (network, 5xx, 429); a bad query will not. */
    readonly retriable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PromError';
  }
}

export interface PromClientOptions {
  /** Base URL (`https://user:pass@prometheus.example/prefix`); basic-auth credentials are moved to a header. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Extra headers (tenant ids, API gateway keys); they win over the ones above. */
  headers?: Record<string, string>;
  /** Per request, default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

// Prometheus HTTP API (docs: prometheus.io/docs/prometheus/latest/querying/api): every JSON answer is
// { status: "success" | "error", data, errorType?, error?, warnings? }; 400 bad_data for bad
// parameters (PromQL syntax), 422 execution for queries that cannot run, 503 timeouts.
interface ApiEnvelope {
  status?: string;
  data?: { resultType?: string; result?: unknown };
  errorType?: string;
  error?: string;
}

/** Prometheus encodes sample values as strings, with NaN and ±Inf spelled out. */
export function parseSampleValue(text: unknown): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const value = Number(text);
  return typeof text === 'string' && text !== '' ? value : NaN;
}

/** The URL with credentials and key-like query values left out: how it appears in logs and reports. */
export function displayUrl(url: string): string {
  return redactUrl(url).replace(/\/$/, '');
}

/**
 * Where requests go, as logs and reports show it: basic-auth credentials are sent as a header, so
 * the URL loses them; key-like query values are masked.
 */
export function requestUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return redactUrl(parsed.toString()).replace(/\/+$/, '');
  } catch {
    return displayUrl(url);
  }
}

export class PromClient implements PromApi {
  /** Without credentials; a query string (`?orgId=1` for a proxy) is kept on every request. */
  private readonly base: URL;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  /** Where requests go, without credentials. */
  readonly displayUrl: string;

  constructor(options: PromClientOptions) {
    // The input schema checked it (input.requiredUrl); a caller from code gets the same masking.
    registerUrlSecrets(options.url);
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new UserError(`input 'prometheus-url': '${displayUrl(options.url)}' is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UserError(`input 'prometheus-url': expected an http:// or https:// URL, got ${url.protocol}`);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (url.username || url.password) {
      const user = decodeURIComponent(url.username);
      const password = decodeURIComponent(url.password);
      const basic = Buffer.from(`${user}:${password}`).toString('base64');
      headers.authorization = `Basic ${basic}`;
      url.username = '';
      url.password = '';
    }
    if (options.token) {
      registerSecret(options.token);
      headers.authorization = `Bearer ${options.token}`;
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      registerSecret(value);
      for (const existing of Object.keys(headers))
        if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
      headers[name] = value;
    }
    this.base = url;
    this.displayUrl = requestUrl(url.toString());
    this.headers = headers;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetch = options.fetch ?? fetch;
  }

  async query(promql: string, time: number, signal?: AbortSignal): Promise<Sample[]> {
    const data = await this.call('query', { query: promql, time: (time / 1000).toFixed(3) }, signal);
    const result = data.result;
    switch (data.resultType) {
      case 'vector':
        return (result as Array<{ metric?: Record<string, string>; value?: [number, string] }>).map((s) => ({
          labels: s.metric ?? {},
          value: parseSampleValue(s.value?.[1]),
        }));
      case 'scalar':
        return [{ labels: {}, value: parseSampleValue((result as [number, string])[1]) }];
      default:
        throw new PromError(
          `query returned a ${data.resultType ?? 'missing'} result; metric-gate needs an instant vector or a scalar`,
          'query',
          false,
        );
    }
  }

  async queryRange(promql: string, range: RangeSpec, signal?: AbortSignal): Promise<Series[]> {
    const data = await this.call(
      'query_range',
      {
        query: promql,
        start: (range.start / 1000).toFixed(3),
        end: (range.end / 1000).toFixed(3),
        step: `${Math.max(1, Math.round(range.stepMs)) / 1000}`,
      },
      signal,
    );
    if (data.resultType !== 'matrix') {
      throw new PromError(
        `range query returned a ${data.resultType ?? 'missing'} result, not a matrix`,
        'query',
        false,
      );
    }
    return (data.result as Array<{ metric?: Record<string, string>; values?: Array<[number, string]> }>).map(
      (s) => ({
        labels: s.metric ?? {},
        values: (s.values ?? []).map(([t, v]) => [Number(t), parseSampleValue(v)] as [number, number]),
      }),
    );
  }

  private async call(
    endpoint: 'query' | 'query_range',
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<{ resultType?: string; result?: unknown }> {
    const target = new URL(this.base);
    target.pathname = `${target.pathname.replace(/\/+$/, '')}/api/v1/${endpoint}`;
    const url = target.toString();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      // POST keeps long PromQL out of URLs and proxy logs; Prometheus accepts form-encoded queries.
      response = await this.fetch(url, {
        method: 'POST',
        headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted)
        throw new PromError(
          `Prometheus at ${this.displayUrl} did not answer within ${this.timeoutMs} ms`,
          'timeout',
          true,
        );
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new PromError(`cannot reach Prometheus at ${this.displayUrl}: ${why}`, 'unreachable', true);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The answer's headers came, its body did not: cancelled, too slow, or the connection broke.
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted)
        throw new PromError(
          `Prometheus at ${this.displayUrl} did not finish answering within ${this.timeoutMs} ms`,
          'timeout',
          true,
        );
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new PromError(
        `the connection to Prometheus at ${this.displayUrl} broke while reading its answer: ${cause?.code ?? (error as Error).message}`,
        'unreachable',
        true,
      );
    }
    let body: ApiEnvelope | undefined;
    try {
      body = JSON.parse(text) as ApiEnvelope;
    } catch {
      body = undefined;
    }
    const retriable = response.status >= 500 || response.status === 429;
    if (body?.status === 'error') {
      throw new PromError(
        `Prometheus ${response.status} ${body.errorType ?? 'error'}: ${body.error ?? '(no message)'}`,
        response.ok
          ? 'query'
          : body.errorType === 'bad_data' || body.errorType === 'execution'
            ? 'query'
            : 'http',
        retriable,
        response.status,
      );
    }
    if (!response.ok) {
      const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
      const hint =
        response.status === 401 || response.status === 403
          ? ' (check prometheus-token, the URL credentials or prometheus-headers)'
          : '';
      throw new PromError(
        `HTTP ${response.status} from ${url}${hint}${snippet ? `: ${snippet}` : ''}`,
        'http',
        retriable,
        response.status,
      );
    }
    if (!body || body.status !== 'success' || !body.data) {
      throw new PromError(
        `unexpected answer from ${url}: not a Prometheus API response`,
        'http',
        false,
        response.status,
      );
    }
    return body.data;
  }
}
