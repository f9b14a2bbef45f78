import { createHash, randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactUrl } from '@llmops/core';
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

/** A request's cache address (`id`) and the request itself, which the entry keeps to be checked. */
export interface CacheKey {
  id: string;
  /** The canonical request, credentials in the base URL left out: stored in the entry and compared on read. */
  request: string;
}

/**
 * Content address of a request: what we can see that changes the answer changes the key. What
 * we cannot see (new weights behind the same name and `/models` entry) needs a `cache-salt`.
 */
export function cacheKey(parts: CacheKeyParts): CacheKey {
  const baseURL = parts.baseURL ?? '';
  const shown = redactUrl(baseURL);
  const request = canonical(parts, shown);
  return {
    id: createHash('sha256')
      .update(shown === baseURL ? request : canonical(parts, baseURL))
      .digest('hex'),
    request,
  };
}

function canonical(parts: CacheKeyParts, baseURL: string): string {
  return JSON.stringify([
    'v3',
    baseURL,
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
}

/**
 * Answers on disk, one file per key (`<dir>/<ab>/<id>.json`). Writes go to a temporary file
 * then rename into place, so concurrent writers (parallel jobs sharing a restored cache, two
 * runs on one machine) never leave a torn entry; a file that does not parse is a miss.
 *
 * An entry holds the request that produced it, and is used only for that exact request: a file
 * moved or copied under another name, or written by hand for another request, is a miss. Where
 * the directory is matters more (a pull request must not be able to supply entries): see
 * `defaultCacheDir`.
 */
export class ResponseCache {
  private readonly madeDirs = new Set<string>();

  constructor(readonly dir: string) {}

  private file(id: string): string {
    return path.join(this.dir, id.slice(0, 2), `${id}.json`);
  }

  async get(key: CacheKey): Promise<CachedAnswer | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.file(key.id), 'utf8')) as {
        key?: string;
        request?: string;
        answer?: CachedAnswer;
      };
      const bound = entry.key === key.id && entry.request === key.request;
      return bound && typeof entry.answer?.text === 'string' ? entry.answer : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: CacheKey, answer: CachedAnswer): Promise<void> {
    const target = this.file(key.id);
    const dir = path.dirname(target);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify({ key: key.id, request: key.request, answer }));
    await rename(temp, target);
  }
}

/**
 * Where the cache lives when `cache-dir` is not set: never in the workspace, whose files the
 * pull request under test controls (a committed entry would answer for the model). In Actions,
 * `RUNNER_TEMP` (empty at each job's start; actions/cache restores it with a key the workflow
 * sets); elsewhere the user's cache directory.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.RUNNER_TEMP) return path.join(env.RUNNER_TEMP, 'llmops-cache', 'llm');
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || homedir(), '.cache');
  return path.join(base, 'llmops', 'llm');
}
