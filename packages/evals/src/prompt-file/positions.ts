import { isMap, type LineCounter, type Node } from 'yaml';
import type { Position } from './types';

/** Source position of a YAML node (1-based), or of the document start when it has none. */
export function positionOf(node: Node | null | undefined, lines: LineCounter): Position {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Position of a key (not its value) in a mapping: where "unknown key" points. */
export function keyPositions(node: unknown, lines: LineCounter): Record<string, Position> {
  const out: Record<string, Position> = {};
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = pair.key as Node & { value?: unknown };
    if (key && typeof key.value === 'string') out[key.value] = positionOf(key, lines);
  }
  return out;
}

/** Position of each value in a mapping: where a finding about a key's value points. */
export function valuePositions(node: unknown, lines: LineCounter): Record<string, Position> {
  const out: Record<string, Position> = {};
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    const key = pair.key as Node & { value?: unknown };
    if (key && typeof key.value === 'string') out[key.value] = positionOf((pair.value as Node) ?? key, lines);
  }
  return out;
}
