import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findWorkspaceFiles, toWorkspacePath } from '@llmops/core';
import { stringify } from 'yaml';

export interface SuiteFile {
  /** Workspace-relative path of the eval suite to write. */
  file: string;
  text: string;
  /** The prompt file it evaluates. */
  prompt: string;
}

export interface FirstSuites {
  suites: SuiteFile[];
  /** Prompt files found, whether or not a suite could be built for them. */
  promptFiles: string[];
  /** Why a prompt file got no suite, one line each. */
  notes: string[];
  /** The first prompt file with a system message: the system prompt safety-tests puts first. */
  systemPromptFile?: string;
}

/** Rows a first suite takes from a prompt file: enough to see it work, few enough to stay cheap. */
const MAX_ROWS = 5;

function suiteName(prompt: string, taken: Set<string>): string {
  const stem = path.basename(prompt).replace(/\.prompt\.ya?ml$/, '');
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  taken.add(name);
  return name;
}

/**
 * A first eval suite per GitHub Models prompt file: its testData rows (or one case when it has
 * no variables) asked through the prompt, each answer required to be an answer (not a refusal),
 * and JSON when the prompt asks for JSON. The user adds the assertions that matter to them.
 */
export async function firstSuites(root: string): Promise<FirstSuites> {
  const { loadPromptFile } = await import('@llmops/evals');
  const found = await findWorkspaceFiles(root, ['**/*.prompt.yml', '**/*.prompt.yaml'], { input: 'init' });
  const promptFiles = found.map((f) => toWorkspacePath(root, f));
  const suites: SuiteFile[] = [];
  const notes: string[] = [];
  const taken = new Set<string>();
  let systemPromptFile: string | undefined;
  for (const prompt of promptFiles) {
    const { prompt: loaded, findings } = loadPromptFile(
      path.join(root, prompt),
      readFileSync(path.join(root, prompt), 'utf8'),
      root,
    );
    if (findings.some((f) => f.level === 'error')) {
      notes.push(
        `${prompt}: does not load (${findings.find((f) => f.level === 'error')!.message}); run 'llmops validate-prompts'`,
      );
      continue;
    }
    if (loaded.messages.some((m) => m.role.toLowerCase() === 'system')) systemPromptFile ??= prompt;
    const placeholders = loaded.messages.some((m) => /\{\{\s*[\w.-]+\s*\}\}/.test(m.content));
    const rows = loaded.testData.slice(0, MAX_ROWS).map((r) => r.values);
    if (placeholders && rows.length === 0) {
      notes.push(`${prompt}: has {{variables}} but no testData rows to fill them: add rows to evaluate it`);
      continue;
    }
    const json = loaded.responseFormat === 'json_object' || loaded.responseFormat === 'json_schema';
    const name = suiteName(prompt, taken);
    const file = `evals/${name}.eval.yml`;
    const suite = {
      name: `${loaded.name ?? name} (first suite)`,
      prompt: path.posix.relative('evals', prompt),
      cases: (rows.length ? rows : [{}]).map((vars, i) => ({
        name: `row ${i + 1}`,
        ...(Object.keys(vars).length ? { vars } : {}),
        assert: [{ 'not-refusal': true }, ...(json ? [{ 'is-json': true }] : [])],
      })),
    };
    const header = `# A first suite for ${prompt}, written by 'llmops init': every row must be answered${json ? ' with JSON' : ''}.\n# Add the assertions that matter (contains, regex, json-schema, judge: see llm-quality-gate).\n`;
    suites.push({ file, prompt, text: header + stringify(suite) });
  }
  return { suites, promptFiles, notes, systemPromptFile };
}
