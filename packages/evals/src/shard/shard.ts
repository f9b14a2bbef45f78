import { createHash } from 'node:crypto';
import { InputError } from '@llmops/core';

export interface Shard {
  index: number;
  count: number;
}

/** `i/n` with 1 <= i <= n. */
export function parseShard(text: string | undefined): Shard | undefined {
  if (!text) return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`input 'shard' has value '${text}': expected i/n with 1 <= i <= n, e.g. 2/4`);
  }
  return { index, count };
}

/**
 * Whether a case belongs to a shard: by a hash of its id, so the split does not depend on file
 * order and a case stays in its shard when others are added.
 */
export function inShard(id: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  const h = createHash('sha1').update(id).digest().readUInt32BE(0);
  return h % shard.count === shard.index - 1;
}
