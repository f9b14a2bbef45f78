import { createHash, randomBytes } from 'node:crypto';

/**
 * The tag that fences untrusted text (a model's answer, an attacker's request) inside a judge's
 * prompt: none of `texts` contains it, so they cannot close the fence and forge a verdict after
 * it. A hash of `seed` and the texts: a model cannot write the hash of its own answer, and the
 * same seed and texts give the same tag, so a judge request stays cacheable; a random seed gives
 * a fresh tag per prompt.
 */
export function fenceTag(seed: string, texts: readonly string[]): string {
  const hash = createHash('sha256').update(seed);
  for (const text of texts) hash.update('\0').update(text);
  const tag = hash.digest('hex').slice(0, 16);
  return texts.some((text) => text.includes(tag)) ? randomBytes(8).toString('hex') : tag;
}

/** `text` between an opening `<name-tag>` line and a closing `</name-tag>` line. */
export function fenceText(name: string, tag: string, text: string): string {
  return `<${name}-${tag}>\n${text}\n</${name}-${tag}>`;
}
