import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChatMessage, ChatParams, ChatResult } from './types';

/** What a cache entry keeps: the answer and the timings and usage it came with. */
export type CachedAnswer = Pick<
  ChatResult,
  'text' | 'ttftMs' | 'tpotMs' | 'latencyMs' | 'usage' | 'finishReason'
>;

export interface CacheKeyParts {
  /** Normalised base URL: the same model name on another endpoint is another model. */
  baseURL?: string;
  model: string;
  /**
   * What else identifies the weights behind the name: what the endpoint's `/models` reports
   * (vLLM `root`, `max_model_len`) and the user's `cache-salt`.
   */
  identity?: string;
  messages: ChatMessage[];
  params: ChatParams;
  sample: number;
  /** Streamed and unary answers differ in what they measure (TTFT): never one for the other. */
  stream?: boolean;
}

/**
 * Content address of a request: what we can see that changes the answer changes the key. What
 * we cannot see (new weights behind the same name and `/models` entry) needs a `cache-salt`.
 */
export function cacheKey(parts: CacheKeyParts): string {
  const canonical = JSON.stringify([
    'v2',
    parts.baseURL ?? '',
    parts.model,
    parts.identity ?? '',
    parts.messages.map((m) => [m.role, m.content]),
    Object.keys(parts.params)
      .sort()
      .map((k) => [k, parts.params[k as keyof ChatParams]])
      .filter(([, v]) => v !== undefined),
    parts.sample,
    parts.stream ?? false,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Answers on disk, one file per key (`<dir>/<ab>/<key>.json`). Writes go to a temporary file
 * then rename into place, so concurrent writers (parallel jobs sharing a restored cache, two
 * runs on one machine) never leave a torn entry; a file that does not parse is a miss.
 */
export class ResponseCache {
  private readonly madeDirs = new Set<string>();

  constructor(readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.file(key), 'utf8')) as {
        key?: string;
        answer?: CachedAnswer;
      };
      return entry.key === key && typeof entry.answer?.text === 'string' ? entry.answer : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    const target = this.file(key);
    const dir = path.dirname(target);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify({ key, answer }));
    await rename(temp, target);
  }
}
