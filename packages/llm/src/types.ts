/** One chat message, as OpenAI-compatible servers take it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Sampling parameters in OpenAI's spelling; unset ones are left to the server. */
export interface ChatParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  seed?: number;
  stop?: string[];
  response_format?: Record<string, unknown>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  params?: ChatParams;
  /** Which of k samples this is (repeat: k): part of the cache key, so samples stay distinct. */
  sample?: number;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export type LlmErrorKind = 'http' | 'network' | 'timeout' | 'stream' | 'malformed' | 'empty' | 'cancelled';

/** Why a request produced no answer; never thrown at callers of `complete`, always returned. */
export interface LlmFailure {
  kind: LlmErrorKind;
  message: string;
  status?: number;
}

/** What one request produced: an answer with timings and usage, or a failure. Never both. */
export interface ChatResult {
  text: string;
  /** Milliseconds to the first content token (streaming only). */
  ttftMs?: number;
  /** Mean milliseconds per output token after the first (streaming only). */
  tpotMs?: number;
  /** Milliseconds from sending to the last byte, of the attempt that answered. */
  latencyMs?: number;
  usage?: Usage;
  finishReason?: string;
  /** Served from the response cache: no request sent. */
  cached: boolean;
  /** Requests sent for this result (0 when cached). */
  attempts: number;
  error?: LlmFailure;
}
