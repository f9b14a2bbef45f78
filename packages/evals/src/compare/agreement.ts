/** How closely a candidate's answer agrees with production's, offline. */
export interface Agreement {
  /** Equal after normalisation (case, punctuation, whitespace, articles). */
  exact: boolean;
  /** Token F1: the harmonic mean of the shared tokens' precision and recall, 0…1. */
  f1: number;
}

/** Lower case, punctuation and articles dropped, whitespace collapsed: the words that carry the answer. */
export function answerTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word && word !== 'a' && word !== 'an' && word !== 'the');
}

export function agreement(candidate: string, production: string): Agreement {
  const a = answerTokens(candidate);
  const b = answerTokens(production);
  const exact = a.length === b.length && a.every((word, i) => word === b[i]);
  if (a.length === 0 || b.length === 0) return { exact, f1: exact ? 1 : 0 };
  // Shared tokens counted with multiplicity, as a bag.
  const counts = new Map<string, number>();
  for (const word of b) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of a) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  if (shared === 0) return { exact, f1: 0 };
  const precision = shared / a.length;
  const recall = shared / b.length;
  return { exact, f1: (2 * precision * recall) / (precision + recall) };
}
