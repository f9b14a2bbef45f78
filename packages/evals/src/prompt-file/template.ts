// `gh models` fills `{{name}}` by plain replacement: no spaces inside the braces, no filters.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface Placeholder {
  name: string;
  /** The exact text, e.g. `{{ name }}`. */
  raw: string;
  /** Offset in the text. */
  index: number;
}

export function findPlaceholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, raw: m[0], index: m.index }));
}

/** Fill `{{name}}` placeholders from a testData row, exactly as `gh models` does. */
export function fillTemplate(text: string, values: Record<string, unknown>): string {
  let out = text;
  for (const [key, value] of Object.entries(values)) {
    out = out.split(`{{${key}}}`).join(typeof value === 'string' ? value : String(value));
  }
  return out;
}
