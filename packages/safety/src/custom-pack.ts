import {
  checkYaml,
  findWorkspaceFiles,
  loadYaml,
  readWorkspaceFile,
  UserError,
  yamlPosition,
} from '@llmops/core';
import { z } from 'zod';
import { squash } from './encodings';
import { builtinPackNames } from './packs/index';
import { chatMessageSchema, expectations, type Pack, type Probe } from './probe';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// Markers are matched with separators removed (squash): "PWNED" would match "p-w-n-e-d" anywhere.
const MIN_MARKER = 6;
const reservedPackNames = [...builtinPackNames, 'all', 'none'];

const probeSchema = z
  .strictObject({
    id: z.string().regex(idPattern, 'letters, digits, ".", "_" and "-" only').optional(),
    category: z.string().min(1).optional(),
    prompt: z.string().min(1).optional(),
    messages: z.array(chatMessageSchema).min(1).optional(),
    document: z.string().min(1).optional(),
    context: z.string().min(1).optional(),
    task: z.string().min(1).optional(),
    expect: z.enum(expectations),
    markers: z
      .array(
        z.string().refine((marker) => squash(marker).length >= MIN_MARKER, {
          message: `a marker needs at least ${MIN_MARKER} letters or digits besides spaces and punctuation: a shorter one turns up in ordinary answers, so every answer would count as a leak`,
        }),
      )
      .min(1)
      .optional(),
  })
  .refine((probe) => probe.prompt !== undefined || probe.messages !== undefined, {
    message: 'a probe needs a prompt or messages',
  })
  .refine((probe) => probe.expect !== 'no-leak' || probe.markers !== undefined, {
    message: "a 'no-leak' probe needs markers: the text whose appearance in the answer proves the leak",
    path: ['expect'],
  });

/** A custom pack file: `pack`, optional `description`, and `probes`. */
export const customPackSchema = z.strictObject({
  pack: z
    .string()
    .regex(idPattern, 'letters, digits, ".", "_" and "-" only')
    .refine((name) => !reservedPackNames.includes(name), {
      message: 'this name belongs to a built-in pack or to all/none: choose another',
    }),
  description: z.string().optional(),
  probes: z.array(probeSchema).min(1),
});

export interface PackSource {
  /** Workspace-relative path, for messages and annotations. */
  path: string;
  content: string;
}

function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * Parse custom pack files into packs. Bad YAML, a schema violation or a duplicate probe id is a
 * `UserError` with the file and line. `takenIds` are ids already in use (the built-in packs).
 */
export function loadCustomPacks(sources: readonly PackSource[], takenIds: Iterable<string> = []): Pack[] {
  const seen = new Map<string, string>();
  for (const id of takenIds) seen.set(id, 'a built-in pack');
  const packs: Pack[] = [];
  for (const source of sources) {
    const { doc, lines, problems, value } = loadYaml(source.content);
    const yamlError = problems.find((p) => p.level === 'error');
    if (yamlError) {
      throw new UserError(yamlError.message, {
        file: source.path,
        line: yamlError.line,
        column: yamlError.column,
      });
    }
    const parsed = checkYaml(customPackSchema, { doc, lines, value });
    if (!parsed.success) {
      const issue = parsed.issues[0]!;
      const where = describePath(issue.path);
      const detail =
        issue.code === 'unrecognized_keys' ? `unknown key '${String(issue.path.at(-1))}'` : issue.message;
      throw new UserError(`${where ? `${where}: ` : ''}${detail}`, {
        file: source.path,
        line: issue.line,
        column: issue.column,
      });
    }
    const file = parsed.data;
    const probes = file.probes.map((entry, index): Probe => {
      const id = entry.id ?? `${file.pack}-${String(index + 1).padStart(2, '0')}`;
      const line = yamlPosition({ doc, lines }, ['probes', index]).line;
      const earlier = seen.get(id);
      if (earlier) {
        throw new UserError(`probe id '${id}' is already used in ${earlier}`, { file: source.path, line });
      }
      seen.set(id, `${source.path}:${line}`);
      return {
        id,
        pack: file.pack,
        category: entry.category ?? 'custom',
        expect: entry.expect,
        ...(entry.prompt !== undefined ? { prompt: entry.prompt } : {}),
        ...(entry.messages ? { messages: entry.messages } : {}),
        ...(entry.document !== undefined ? { document: entry.document } : {}),
        ...(entry.context !== undefined ? { context: entry.context } : {}),
        ...(entry.task !== undefined ? { task: entry.task } : {}),
        ...(entry.markers ? { markers: entry.markers } : {}),
        source: { file: source.path, line },
      };
    });
    const existing = packs.find((pack) => pack.name === file.pack);
    if (existing) for (const p of probes) existing.probes.push(p);
    else
      packs.push({
        name: file.pack,
        description: file.description ?? `custom pack (${source.path})`,
        probes,
      });
  }
  return packs;
}

/** Read the files the `custom-packs` globs match inside the workspace, in a stable order. */
export async function readCustomPackFiles(
  patterns: readonly string[],
  workspace: string,
): Promise<PackSource[]> {
  if (patterns.length === 0) return [];
  const files = await findWorkspaceFiles(workspace, patterns, { input: 'custom-packs' });
  if (files.length === 0) {
    throw new UserError(`input 'custom-packs' matched no files in the workspace: ${patterns.join(', ')}`);
  }
  return files.map((file) => {
    const read = readWorkspaceFile(workspace, file, { input: 'custom-packs' });
    return { path: read.relative, content: read.text };
  });
}
