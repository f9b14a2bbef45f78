import type { PromptFile } from '../prompt-file/types';

/** What a version covers: what the model sees and how it is called. */
export function promptFingerprint(prompt: PromptFile): string {
  return JSON.stringify({
    messages: prompt.messages.map((m) => [m.role.toLowerCase(), m.content]),
    model: prompt.model ?? null,
    modelParameters: Object.keys(prompt.modelParameters)
      .sort()
      .map((k) => [k, prompt.modelParameters[k]]),
    responseFormat: prompt.responseFormat ?? null,
    jsonSchema: prompt.jsonSchema ?? null,
  });
}

/** Whether `next` raises `previous`: numeric dotted parts compare as numbers ("1.10" > "1.9"). */
export function isVersionRaised(previous: string | undefined, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (previous === undefined) return true;
  const parse = (v: string) => v.replace(/^v/i, '').split(/[.-]/);
  const a = parse(previous);
  const b = parse(next);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '0';
    const y = b[i] ?? '0';
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
      if (Number(y) !== Number(x)) return Number(y) > Number(x);
    } else if (x !== y) {
      return y > x;
    }
  }
  return false;
}
