import { redactUrl, UserError } from '@llmops/core';
import type { ChatMessage, TokenCount } from './tokens';

const TIMEOUT_MS = 10_000;

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/**
 * Exact token counts from the serving engine's own tokenizer and chat template:
 * vLLM `POST /tokenize` ({model, messages} → {count, max_model_len}); TGI `POST /chat_tokenize`
 * (→ {tokenize_response: [...]}) or, on older TGI, `POST /tokenize` ({inputs} → [tokens]).
 */
export async function countTokensWithServer(
  baseUrl: string,
  model: string | undefined,
  messages: ChatMessage[],
): Promise<TokenCount & { contextWindow?: number }> {
  const root = baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  // Shown without credentials (the input registered them as secrets; this is for reports too).
  const shown = redactUrl(root);
  try {
    const vllm = await post(`${root}/tokenize`, { model, messages, add_generation_prompt: true });
    if (vllm.ok) {
      const body = (await vllm.json()) as { count?: number; max_model_len?: number } | unknown[];
      if (Array.isArray(body)) return { tokens: body.length, method: 'server', exact: true };
      if (typeof body.count === 'number') {
        return { tokens: body.count, method: 'server', exact: true, contextWindow: body.max_model_len };
      }
    }
    const tgiChat = await post(`${root}/chat_tokenize`, { model: model ?? 'tgi', messages });
    if (tgiChat.ok) {
      const body = (await tgiChat.json()) as { tokenize_response?: unknown[] };
      if (Array.isArray(body.tokenize_response))
        return { tokens: body.tokenize_response.length, method: 'server', exact: true };
    }
    const tgi = await post(`${root}/tokenize`, { inputs: messages.map((m) => m.content).join('\n') });
    if (tgi.ok) {
      const body = (await tgi.json()) as unknown;
      if (Array.isArray(body)) return { tokens: body.length, method: 'server', exact: false };
    }
    throw new UserError(
      `input 'tokenize-url': ${shown} answered ${vllm.status} to POST /tokenize and has no TGI tokenize route; expected a vLLM or TGI server`,
    );
  } catch (error) {
    if (error instanceof UserError) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new UserError(
      `input 'tokenize-url': cannot reach ${shown} (${reason}); is the vLLM/TGI server running?`,
    );
  }
}
