import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { UserError } from './errors';

/** One YAML problem with its place (1-based line and column). */
export interface YamlProblem {
  level: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
}

export interface LoadedYaml {
  doc: Document;
  lines: LineCounter;
  /** Syntax errors and warnings, and an alias bomb; `value` is undefined when there is an error. */
  problems: YamlProblem[];
  value: unknown;
}

/**
 * How many alias expansions one document may make (counted the way `yaml` counts them). Files
 * come from pull requests: a billion-laughs document must stop here, not exhaust memory.
 */
export const MAX_YAML_ALIASES = 10_000;

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The one YAML loader: parse with positions, report syntax problems with line and column, and
 * convert to plain data with the alias limit. Duplicate keys are errors unless `uniqueKeys: false`.
 */
export function loadYaml(text: string, options: { uniqueKeys?: boolean; schema?: 'core' | 'failsafe' } = {}) {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: options.uniqueKeys ?? true,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  const at = (offset: number | undefined) => lines.linePos(offset ?? 0);
  const problems: YamlProblem[] = [];
  for (const [level, list] of [
    ['error', doc.errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const e of list) {
      const pos = at(e.pos[0]);
      problems.push({ level, message: `YAML: ${firstLine(e.message)}`, line: pos.line, column: pos.col });
    }
  }
  let value: unknown;
  if (!doc.errors.length) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      // The alias limit, or an alias before its anchor: a bad file, not a crash.
      const message = /Excessive alias/.test((error as Error).message)
        ? `YAML: too many aliases (over ${MAX_YAML_ALIASES} expansions): refusing a document that expands without bound`
        : `YAML: ${firstLine((error as Error).message)}`;
      problems.push({ level: 'error', message, line: 1, column: 1 });
    }
  }
  return { doc, lines, problems, value } satisfies LoadedYaml;
}

/**
 * Parse YAML text into plain data, or throw one `UserError` at the first problem's place.
 * `what` starts the message (e.g. "checks"), `file` is the workspace-relative path if any.
 */
export function parseYaml(
  text: string,
  context: { what: string; file?: string; lineOffset?: number },
): unknown {
  const loaded = loadYaml(text);
  const error = loaded.problems.find((p) => p.level === 'error');
  if (error) {
    const line = error.line + (context.lineOffset ?? 0);
    if (!context.file)
      throw new UserError(`${context.what}: ${error.message} (line ${line}, column ${error.column})`);
    throw new UserError(`${context.what}: ${error.message}`, {
      file: context.file,
      line,
      column: error.column,
    });
  }
  return loaded.value;
}

/** Where a path in a loaded document points: the deepest node that exists along it (1-based). */
export function yamlPosition(
  loaded: Pick<LoadedYaml, 'doc' | 'lines'>,
  path: ReadonlyArray<PropertyKey>,
  /** Point at the last key of the path itself, not its value: where "unknown key" points. */
  options: { key?: boolean } = {},
): { line: number; column: number } {
  let node: unknown = loaded.doc.contents;
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = (options.key && i === path.length - 1 ? null : pair.value) ?? pair.key;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
    } else break;
  }
  const { line, col } = loaded.lines.linePos((node as Node | null)?.range?.[0] ?? 0);
  return { line, column: col };
}

/** A schema issue with the place of the YAML node it is about. */
export interface YamlIssue {
  /** zod's issue code, e.g. `unrecognized_keys`. */
  code: string;
  /** Where in the data; for an unknown key, ends with that key. */
  path: PropertyKey[];
  message: string;
  line: number;
  column: number;
}

/**
 * Check a loaded YAML document's value against a zod schema (the format's one definition): the
 * typed value, or every issue with the line and column of the node it is about.
 */
export function checkYaml<S extends z.ZodType>(
  schema: S,
  loaded: Pick<LoadedYaml, 'doc' | 'lines' | 'value'>,
): { success: true; data: z.output<S> } | { success: false; issues: YamlIssue[] } {
  const parsed = schema.safeParse(loaded.value);
  if (parsed.success) return { success: true, data: parsed.data };
  const issues = parsed.error.issues.map((issue) => {
    // An unknown key is about the key, not the mapping it is in.
    const unknown = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : undefined;
    return {
      code: issue.code,
      path: unknown ?? issue.path,
      message: issue.message,
      ...yamlPosition(loaded, unknown ?? issue.path, { key: !!unknown }),
    };
  });
  return { success: false, issues };
}
