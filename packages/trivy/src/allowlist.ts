import { isInlineYaml, loadYaml, readWorkspaceFile, UserError } from '@llmops/core';
import { isMap, isScalar, isSeq } from 'yaml';
import { z } from 'zod';

/**
 * An accepted risk: one finding id (CVE, GHSA, check or secret rule id), why it is accepted, and
 * until when. Optional `package` and `target` narrow it to one package or
 * one Trivy target (`*` and `?` wildcards).
 */
const entrySchema = z
  .object({
    id: z.string({ error: 'id is required' }).trim().min(1, 'id is required'),
    reason: z
      .string({ error: 'reason is required: say why this risk is accepted' })
      .trim()
      .min(1, 'reason is required: say why this risk is accepted'),
    expires: z
      .union([z.string(), z.date()], { error: 'expires is required (YYYY-MM-DD)' })
      .transform((value, ctx) => {
        const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
        const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        const date = day ? new Date(`${text}T00:00:00Z`) : undefined;
        if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
          ctx.addIssue({ code: 'custom', message: `expires '${text}' is not a date (YYYY-MM-DD)` });
          return z.NEVER;
        }
        return text;
      }),
    package: z.string().trim().min(1).optional(),
    target: z.string().trim().min(1).optional(),
  })
  // A misspelt `pakage:` would otherwise be dropped, widening the entry to every package.
  .strict();

export interface AllowlistEntry extends z.output<typeof entrySchema> {
  /** 1-based line of the entry in the allowlist file. */
  line: number;
}

export interface Allowlist {
  /** Workspace-relative path, for annotations; absent for an inline list (the input itself). */
  file?: string;
  entries: AllowlistEntry[];
}

/**
 * The `allowlist` input: an inline YAML list (a newline, or a leading `-` or `[`), or the path of a
 * YAML file inside the workspace. Either way one parser reads it, and errors name line and column.
 */
export async function loadAllowlist(workspace: string, value: string): Promise<Allowlist> {
  if (isInlineYaml(value)) return parseAllowlist(value);
  const { text, relative } = readWorkspaceFile(workspace, value.trim(), { input: 'allowlist' });
  return parseAllowlist(text, relative);
}

/**
 * Validate an allowlist's YAML text with the entry schema. `file` places errors in a file (as
 * annotations); without it, the text is the `allowlist` input and errors say line and column in it.
 */
export function parseAllowlist(source: string, file?: string): Allowlist {
  const { doc, lines, problems, value } = loadYaml(source);
  const place = (line: number, column: number, message: string) =>
    file
      ? new UserError(message, { file, line, column })
      : new UserError(`input 'allowlist', line ${line}, column ${column}: ${message}`);
  const problem = (message: string, offset: number | undefined) => {
    const { line, col } = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
    return place(line, col, message);
  };
  const first = problems.find((p) => p.level === 'error');
  if (first) throw place(first.line, first.column, `allowlist is not valid YAML: ${first.message}`);
  const root = doc.contents;
  if (root === null || root === undefined) return { file, entries: [] };
  if (!isSeq(root)) {
    throw problem(
      'allowlist must be a YAML list of entries {id, reason, expires, package?, target?}',
      root.range?.[0],
    );
  }
  const entries: AllowlistEntry[] = [];
  root.items.forEach((node, index) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0];
    const line = offset === undefined ? 1 : lines.linePos(offset).line;
    if (!isMap(node))
      throw problem(`allowlist entry ${index + 1} must be a mapping {id, reason, expires}`, offset);
    const parsed = entrySchema.safeParse((value as unknown[])[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0]!;
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        throw problem(
          `allowlist entry ${index + 1}: unknown key '${key}' (allowed: ${Object.keys(entrySchema.shape).join(', ')})`,
          isScalar(pair?.key) ? pair.key.range?.[0] : offset,
        );
      }
      // Point at the value the schema refused when it is there, else at the entry.
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === issue.path[0]);
      const at = (pair?.value as { range?: [number, number, number] } | null)?.range?.[0];
      throw problem(`allowlist entry ${index + 1}: ${issue.message}`, at ?? offset);
    }
    entries.push({ ...parsed.data, line });
  });
  return { file, entries };
}

/** End of the `expires` day in UTC: an entry is good through its whole last day. */
export function isExpired(entry: AllowlistEntry, now: Date): boolean {
  return now.getTime() >= new Date(`${entry.expires}T00:00:00Z`).getTime() + 86_400_000;
}

export interface Suppressible {
  id: string;
  /** Other ids the same finding is known by (a misconfiguration's AVD id). */
  aliases: string[];
  pkg?: string;
  target: string;
}

/** Whether an entry names this finding (its id, and its package and target when the entry gives them). */
export function entryMatches(entry: AllowlistEntry, finding: Suppressible): boolean {
  const id = entry.id.toUpperCase();
  if (![finding.id, ...finding.aliases].some((candidate) => candidate.toUpperCase() === id)) return false;
  if (entry.package !== undefined && entry.package !== finding.pkg) return false;
  if (entry.target !== undefined && !wildcard(entry.target).test(finding.target)) return false;
  return true;
}

/** `*` matches any run of characters, `?` one: Trivy targets are image names as often as paths. */
function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
