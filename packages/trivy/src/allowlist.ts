import { loadYaml, readWorkspaceFile, UserError } from '@llmops/core';
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
  /** Workspace-relative path, for annotations. */
  file: string;
  entries: AllowlistEntry[];
}

/** Read the `allowlist` file (inside the workspace) and validate it. */
export async function loadAllowlist(workspace: string, value: string): Promise<Allowlist> {
  const { text, relative } = readWorkspaceFile(workspace, value, { input: 'allowlist' });
  return parseAllowlist(text, relative);
}

/** Validate allowlist YAML: a list of entries. A bad entry is an error on its line. */
export function parseAllowlist(source: string, file: string): Allowlist {
  const { doc, lines, problems, value } = loadYaml(source);
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const first = problems.find((p) => p.level === 'error');
  if (first) {
    throw new UserError(`allowlist is not valid YAML: ${first.message}`, {
      file,
      line: first.line,
      column: first.column,
    });
  }
  const root = doc.contents;
  if (root === null || root === undefined) return { file, entries: [] };
  if (!isSeq(root)) {
    throw new UserError('allowlist must be a YAML list of entries {id, reason, expires, package?, target?}', {
      file,
      line: lineAt(root.range?.[0]),
    });
  }
  const entries: AllowlistEntry[] = [];
  root.items.forEach((node, index) => {
    const line = lineAt((node as { range?: [number, number, number] }).range?.[0]);
    if (!isMap(node)) {
      throw new UserError(`allowlist entry ${index + 1} must be a mapping {id, reason, expires}`, {
        file,
        line,
      });
    }
    const parsed = entrySchema.safeParse((value as unknown[])[index]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0]!;
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        const keyLine = isScalar(pair?.key) ? lineAt(pair.key.range?.[0]) : line;
        throw new UserError(
          `allowlist entry ${index + 1}: unknown key '${key}' (allowed: ${Object.keys(entrySchema.shape).join(', ')})`,
          { file, line: keyLine },
        );
      }
      throw new UserError(`allowlist entry ${index + 1}: ${issue.message}`, { file, line });
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
