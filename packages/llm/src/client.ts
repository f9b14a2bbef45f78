import { setMaxListeners } from 'node:events';
import { parseHttpUrl, redactUrl, sleep, urlSecrets, UserError } from '@llmops/core';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { cacheKey, type CacheKey, type CachedAnswer, type ResponseCache } from './cache';
import { nodeFetch } from './http-fetch';
import { chatCompletionChunkSchema, chatCompletionSchema, shapeProblem } from './chat-schema';
import { sseChunks } from './sse';
import { AdaptiveLimiter } from './limiter';
import { backoffMs, isRetryableStatus, retryAfterMs } from './retry';
import type { ChatMessage, ChatParams, ChatRequest, ChatResult, LlmFailure } from './types';

export interface LlmClientOptions {
  /** OpenAI-compatible base URL, e.g. `http://vllm:8000/v1` (a bare host gets `/v1`). */
  baseURL: string;
  apiKey?: string;
  model: string;
  /** Per attempt, including a stream that stalls. */
  timeoutMs: number;
  maxRetries: number;
  /** Requests in flight at once; ignored when `limiter` is given. */
  concurrency: number;
  /** A limiter shared with the other clients of the same endpoint (`openEndpoints`). */
  limiter?: AdaptiveLimiter;
  /** Stream answers to measure TTFT and TPOT. */
  stream: boolean;
  cache?: ResponseCache;
  /** Part of every cache key besides endpoint, model and request: see `CacheKeyParts.identity`. */
  cacheIdentity?: string;
  /** Cancellation (the job's time running out): stops retries and requests in flight. */
  signal?: AbortSignal;
  /** First backoff step; tests shorten it. */
  backoffBaseMs?: number;
  /** Longest wait between attempts, whatever Retry-After asks for. */
  maxBackoffMs?: number;
  random?: () => number;
  /**
   * Other secrets to scrub from failure messages besides `apiKey` (the judge's key): a server
   * may echo what it was sent (a 401 body quoting the Authorization header).
   */
  secrets?: string[];
}

export interface ClientStats {
  /** HTTP requests sent (attempts), including retries. */
  requests: number;
  retries: number;
  cacheHits: number;
  rateLimited: number;
}

/** `http://host:8000` → `http://host:8000/v1`; anything with a path is kept as given. */
export function normalizeBaseUrl(baseURL: string): string {
  // Inputs are checked by their schema (input.url); this guards callers from code, without a stack.
  const { problem } = parseHttpUrl(baseURL);
  if (problem) throw new UserError(`base URL '${redactUrl(baseURL)}': ${problem}`);
  const url = new URL(baseURL);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1';
  return url.toString().replace(/\/+$/, '');
}

/** `text` with every secret replaced by `***` (failure messages go into reports). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

class AttemptError extends Error {
  constructor(
    readonly failure: LlmFailure,
    readonly retryAfterMs?: number,
  ) {
    super(failure.message);
  }
}

const RETRYABLE_KINDS = new Set(['network', 'timeout', 'stream', 'malformed', 'empty']);

/** vLLM ends a request the engine gave up on with `abort` (and some servers with `error`): not an answer. */
function checkFinish(reason: string | null | undefined): void {
  if (reason === 'abort' || reason === 'error') {
    throw new AttemptError({
      kind: 'stream',
      message: `the server ended the answer with finish_reason '${reason}' (not a complete answer)`,
    });
  }
}

function retryable(error: AttemptError): boolean {
  if (error.failure.kind === 'http') return isRetryableStatus(error.failure.status ?? 0);
  return RETRYABLE_KINDS.has(error.failure.kind);
}

/** The message a server put in its error body: OpenAI `{error: {message}}`, TGI `{error: "..."}`, vLLM `{message, code}`. */
function serverMessage(error: APIError): string {
  const body = error.error as unknown;
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; error?: unknown };
    if (typeof b.message === 'string') return b.message;
    if (typeof b.error === 'string') return b.error;
  }
  return error.message;
}

function classify(error: unknown, timedOut: boolean, cancelled: boolean): AttemptError {
  if (error instanceof AttemptError) return error;
  if (cancelled) return new AttemptError({ kind: 'cancelled', message: 'cancelled' });
  if (timedOut || error instanceof APIConnectionTimeoutError) {
    return new AttemptError({
      kind: 'timeout',
      message: 'request timed out (no complete answer within timeout-ms)',
    });
  }
  if (error instanceof APIUserAbortError)
    return new AttemptError({ kind: 'cancelled', message: 'cancelled' });
  if (error instanceof APIConnectionError) {
    const cause = (error.cause as Error | undefined)?.message;
    return new AttemptError({ kind: 'network', message: `connection failed${cause ? `: ${cause}` : ''}` });
  }
  if (error instanceof APIError) {
    const message = serverMessage(error).slice(0, 500);
    // A status means the server refused the request; none means an error event inside a 200 stream.
    if (error.status) {
      return new AttemptError(
        { kind: 'http', status: error.status, message: `HTTP ${error.status}: ${message}` },
        retryAfterMs(error.headers as Headers | undefined),
      );
    }
    return new AttemptError({ kind: 'stream', message: `error inside the response stream: ${message}` });
  }
  if (error instanceof SyntaxError)
    return new AttemptError({ kind: 'malformed', message: `malformed response: ${error.message}` });
  const text = (error as Error)?.message ?? String(error);
  // undici reports a reset mid-body as "terminated" / "other side closed".
  return new AttemptError({ kind: 'network', message: `connection failed: ${text}` });
}

/**
 * An OpenAI-compatible chat client for evaluation: one answer per request, with timings,
 * usage, retries, a per-attempt timeout, a concurrency limit and a response cache. `complete`
 * never throws for a failed request: the failure is part of the result, so callers count it.
 */
export class LlmClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, cacheHits: 0, rateLimited: 0 };
  readonly model: string;
  readonly baseURL: string;
  private readonly openai: OpenAI;
  private readonly limiter: AdaptiveLimiter;
  private readonly inFlight = new Map<string, Promise<ChatResult>>();
  private readonly secrets: string[];

  constructor(private readonly options: LlmClientOptions) {
    this.model = options.model;
    this.secrets = [options.apiKey ?? '', ...(options.secrets ?? []), ...urlSecrets(options.baseURL)].filter(
      Boolean,
    );
    this.baseURL = normalizeBaseUrl(options.baseURL);
    // Every attempt in flight listens for the job's cancellation (as many as the concurrency).
    if (options.signal) setMaxListeners(0, options.signal);
    // A query in base-url (`?api-version=` for Azure, `?key=` for some gateways) goes on every
    // request: the SDK appends paths to baseURL as text, which would put them inside the query.
    const base = new URL(this.baseURL);
    const defaultQuery = Object.fromEntries(base.searchParams);
    base.search = '';
    // `user:password@` is basic auth, as `GET /models` sends it; an api-key (Bearer) wins over it.
    const basic =
      base.username || base.password
        ? `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`
        : undefined;
    base.username = '';
    base.password = '';
    this.openai = new OpenAI({
      baseURL: base.toString().replace(/\/+$/, ''),
      defaultQuery,
      ...(basic && !options.apiKey ? { defaultHeaders: { authorization: basic } } : {}),
      apiKey: options.apiKey || 'none',
      maxRetries: 0,
      timeout: options.timeoutMs,
      fetch: nodeFetch as unknown as typeof fetch,
      // Failures are returned in results; the SDK's own console logging would only duplicate them.
      logLevel: 'off',
    });
    this.limiter = options.limiter ?? new AdaptiveLimiter(options.concurrency);
  }

  /** Cache key of a request to this client's model. */
  keyOf(request: ChatRequest): CacheKey {
    return cacheKey({
      baseURL: this.baseURL,
      model: this.model,
      identity: this.options.cacheIdentity,
      messages: request.messages,
      params: request.params ?? {},
      sample: request.sample ?? 0,
      stream: this.options.stream,
    });
  }

  async complete(request: ChatRequest): Promise<ChatResult> {
    const key = this.keyOf(request);
    // Identical requests in flight at once (a base-ref case the PR left alone) share one answer.
    const pending = this.inFlight.get(key.id);
    if (pending) {
      const shared = await pending;
      if (shared.error) return shared;
      this.stats.cacheHits++;
      return { ...shared, cached: true, attempts: 0 };
    }
    const promise = this.completeUncached(key, request).finally(() => this.inFlight.delete(key.id));
    this.inFlight.set(key.id, promise);
    return promise;
  }

  private async completeUncached(key: CacheKey, request: ChatRequest): Promise<ChatResult> {
    const { cache } = this.options;
    if (cache) {
      const hit = await cache.get(key);
      if (hit) {
        this.stats.cacheHits++;
        return { ...hit, cached: true, attempts: 0 };
      }
    }
    let attempts = 0;
    for (let attempt = 0; ; attempt++) {
      if (this.options.signal?.aborted) return failed({ kind: 'cancelled', message: 'cancelled' }, attempts);
      try {
        // Queued behind the limiter, a request leaves the queue when the job is cancelled.
        const answer = await this.limiter.run(() => {
          // Cancelled while waiting for a slot: send nothing.
          if (this.options.signal?.aborted)
            throw new AttemptError({ kind: 'cancelled', message: 'cancelled' });
          attempts++;
          this.stats.requests++;
          return this.attempt(request);
        }, this.options.signal);
        this.limiter.succeeded();
        if (cache) await cache.set(key, answer).catch(() => undefined);
        return { ...answer, cached: false, attempts };
      } catch (caught) {
        const error = caught instanceof AttemptError ? caught : classify(caught, false, true);
        if (error.failure.status === 429) {
          this.stats.rateLimited++;
          this.limiter.rateLimited();
        }
        if (!retryable(error) || attempt >= this.options.maxRetries) return failed(error.failure, attempts);
        const wait = Math.min(
          error.retryAfterMs ??
            backoffMs(attempt, this.options.backoffBaseMs ?? 250, 20_000, this.options.random),
          this.options.maxBackoffMs ?? 60_000,
        );
        this.stats.retries++;
        try {
          await sleep(wait, this.options.signal);
        } catch {
          return failed({ kind: 'cancelled', message: 'cancelled while waiting to retry' }, attempts);
        }
      }
    }
  }

  /** One HTTP request; throws AttemptError. */
  private async attempt(request: ChatRequest): Promise<CachedAnswer> {
    const outer = this.options.signal;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    // Forward the job's cancellation by hand: AbortSignal.any costs more CPU per request than the
    // rest of the harness's bookkeeping together.
    const cancel = () => controller.abort();
    if (outer?.aborted) cancel();
    outer?.addEventListener('abort', cancel, { once: true });
    const signal = controller.signal;
    const body = { model: this.model, messages: request.messages, ...(request.params ?? {}) } as const;
    const start = performance.now();
    try {
      const answer = this.options.stream
        ? await this.streamed(body, signal, start)
        : await this.unary(body, signal, start);
      // The SDK ends an aborted stream quietly: an abort here is a timeout or a cancellation, never an answer.
      if (signal.aborted) throw new Error('aborted');
      return answer;
    } catch (error) {
      const { failure, retryAfterMs } = classify(error, timedOut, !!outer?.aborted);
      throw new AttemptError(
        { ...failure, message: scrubSecrets(failure.message, this.secrets) },
        retryAfterMs,
      );
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', cancel);
    }
  }

  private async unary(body: ChatBody, signal: AbortSignal, start: number): Promise<CachedAnswer> {
    // The body is read and checked here, not by the SDK: it hands back whatever a 200 carried
    // (a string for a text/plain body), and anything but a chat completion is not an answer.
    const response = await this.openai.chat.completions
      .create({ ...body, stream: false } as OpenAI.ChatCompletionCreateParamsNonStreaming, {
        signal,
        maxRetries: 0,
      })
      .asResponse();
    const raw = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AttemptError({ kind: 'malformed', message: `malformed response: the body is not JSON` });
    }
    const error = (json as { error?: unknown } | null)?.error;
    if (error) {
      const message = typeof error === 'string' ? error : JSON.stringify(error);
      throw new AttemptError({ kind: 'stream', message: `error in response body: ${message.slice(0, 500)}` });
    }
    const parsed = chatCompletionSchema.safeParse(json);
    if (!parsed.success) {
      const problem = shapeProblem(parsed.error);
      throw new AttemptError({
        kind: problem === 'choices: no choices' ? 'empty' : 'malformed',
        message: `malformed response: not a chat completion (${problem})`,
      });
    }
    const choice = parsed.data.choices.find((c) => (c.index ?? 0) === 0) ?? parsed.data.choices[0]!;
    const finishReason = choice.finish_reason ?? undefined;
    checkFinish(finishReason);
    const usage = parsed.data.usage;
    return {
      text: answerText(choice.message.content, choice.message.refusal, finishReason),
      latencyMs: performance.now() - start,
      usage: usage
        ? { promptTokens: usage.prompt_tokens ?? 0, completionTokens: usage.completion_tokens ?? 0 }
        : undefined,
      finishReason,
    };
  }

  private async streamed(body: ChatBody, signal: AbortSignal, start: number): Promise<CachedAnswer> {
    // The SDK builds and sends the request and turns error statuses into APIErrors; the body is
    // read by our SSE parser (the SDK's costs more CPU per event than the rest of a request).
    const response = await this.openai.chat.completions
      .create(
        {
          ...body,
          stream: true,
          stream_options: { include_usage: true },
        } as OpenAI.ChatCompletionCreateParamsStreaming,
        { signal, maxRetries: 0 },
      )
      .asResponse();
    if (!response.body) throw new AttemptError({ kind: 'empty', message: 'response has no body' });
    let text = '';
    let refusal: string | undefined;
    // A delta with a string content, even "": a stream of zero tokens is an empty answer, as in a body.
    let hasContent = false;
    let first: number | undefined;
    let last = start;
    let chunks = 0;
    let finishReason: string | undefined;
    let usage: CachedAnswer['usage'];
    for await (const event of sseChunks(response.body as unknown as AsyncIterable<Uint8Array>)) {
      const parsed = chatCompletionChunkSchema.safeParse(event);
      if (!parsed.success) {
        throw new AttemptError({
          kind: 'malformed',
          message: `malformed stream: a chunk is not a chat completion chunk (${shapeProblem(parsed.error)})`,
        });
      }
      const chunk = parsed.data;
      // The usage chunk comes last with empty `choices`.
      if (chunk.usage) {
        usage = {
          promptTokens: chunk.usage.prompt_tokens ?? 0,
          completionTokens: chunk.usage.completion_tokens ?? 0,
        };
      }
      for (const choice of chunk.choices ?? []) {
        if (choice.index !== undefined && choice.index !== 0) continue;
        if (choice.delta?.refusal) refusal = (refusal ?? '') + choice.delta.refusal;
        const piece = choice.delta?.content;
        if (typeof piece === 'string') hasContent = true;
        if (piece) {
          const now = performance.now();
          first ??= now;
          last = now;
          chunks++;
          text += piece;
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
    }
    if (signal.aborted) throw new Error('aborted');
    if (!finishReason) {
      throw new AttemptError({
        kind: chunks === 0 ? 'empty' : 'stream',
        message: chunks === 0 ? 'stream ended without any choice' : 'stream ended before the answer finished',
      });
    }
    checkFinish(finishReason);
    const end = performance.now();
    const tokens = usage?.completionTokens || chunks;
    return {
      text: answerText(hasContent ? text : null, refusal, finishReason),
      ttftMs: first !== undefined ? first - start : undefined,
      tpotMs: first !== undefined && tokens > 1 ? (last - first) / (tokens - 1) : undefined,
      latencyMs: end - start,
      usage,
      finishReason,
    };
  }
}

/**
 * The text of an answer, or an AttemptError when there is none. A null content is not an empty
 * answer: scored as one it would pass `not-contains`, `no-pii` and `max-words`. Two null contents
 * are answers all the same, both refusals, because that is what the person asking got:
 * - OpenAI's `refusal` field (the model declined): its text is the answer;
 * - `finish_reason: content_filter` (the provider's filter blocked the output): an empty text with
 *   that finish reason. Safety tests count it as a defence (over-refusal on a benign prompt); the
 *   quality gate scores it as a refusal, never as an empty answer that passes text checks.
 */
function answerText(
  content: string | null | undefined,
  refusal: string | null | undefined,
  finishReason: string | undefined,
): string {
  if (typeof content === 'string') return content;
  if (refusal) return refusal;
  if (finishReason === 'content_filter') return '';
  throw new AttemptError({
    kind: 'malformed',
    message: `malformed response: the answer has no content (finish_reason ${finishReason ?? 'missing'})`,
  });
}

type ChatBody = { model: string; messages: ChatMessage[] } & ChatParams;

function failed(error: LlmFailure, attempts: number): ChatResult {
  return { text: '', cached: false, attempts, error };
}
