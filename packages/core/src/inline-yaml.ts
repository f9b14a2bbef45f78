/**
 * Whether an input that takes "a YAML list, inline or a file path" holds the list itself: a
 * newline, or a leading `-` (block list) or `[` (flow list). A path never has those.
 */
export function isInlineYaml(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.includes('\n') || trimmed.startsWith('-') || trimmed.startsWith('[');
}
