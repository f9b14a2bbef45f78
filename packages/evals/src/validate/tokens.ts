import type { Encoding } from './models';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface TokenCount {
  tokens: number;
  /** How it was counted: an exact tokenizer, the serving engine, or an estimate. */
  method: Encoding | 'server' | 'estimate';
  exact: boolean;
}

type Counter = (text: string) => number;
const loaded = new Map<Encoding, Promise<Counter>>();

// Each encoding is a multi-megabyte table: import only the one a model needs, on first use.
function counter(encoding: Encoding): Promise<Counter> {
  let pending = loaded.get(encoding);
  if (!pending) {
    pending =
      encoding === 'o200k_base'
        ? import('gpt-tokenizer/encoding/o200k_base').then((m) => m.countTokens)
        : import('gpt-tokenizer/encoding/cl100k_base').then((m) => m.countTokens);
    loaded.set(encoding, pending);
  }
  return pending;
}

// Chat formatting adds a few tokens per message and primes the reply (OpenAI's published
// counting recipe: 3 per message, 3 for the reply).
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

export async function countChatTokens(
  messages: ChatMessage[],
  encoding: Encoding | undefined,
): Promise<TokenCount> {
  if (!encoding) {
    // Rule of thumb for BPE tokenizers on English text: about 4 characters per token.
    const chars = messages.reduce((n, m) => n + m.content.length, 0);
    return {
      tokens: Math.ceil(chars / 4) + PER_MESSAGE * messages.length + REPLY_PRIMING,
      method: 'estimate',
      exact: false,
    };
  }
  const count = await counter(encoding);
  const tokens = messages.reduce((n, m) => n + count(m.content) + count(m.role) + PER_MESSAGE, REPLY_PRIMING);
  return { tokens, method: encoding, exact: true };
}
