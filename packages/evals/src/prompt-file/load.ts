import type { Finding } from '@llmops/core';
import { checkYaml, loadYaml, toWorkspacePath, yamlPosition } from '@llmops/core';
import { isMap } from 'yaml';
import { keyPositions, valuePositions } from './positions';
import { promptFileSchema } from './schema';
import type { Position, PromptEvaluator, PromptFile, PromptMessage, TestDataRow } from './types';

export interface LoadedPrompt {
  prompt: PromptFile;
  /** YAML and schema problems, each with a line and column. Errors mean `prompt` is incomplete. */
  findings: Finding[];
}

const START: Position = { line: 1, column: 1 };

function emptyPrompt(path: string, file: string, format: PromptFile['format']): PromptFile {
  return {
    path,
    file,
    format,
    modelParameters: {},
    messages: [],
    testData: [],
    evaluators: [],
    keys: {},
    values: {},
  };
}

function finding(
  file: string,
  ruleId: string,
  level: Finding['level'],
  message: string,
  at: Position,
): Finding {
  return { ruleId, level, message, file, line: at.line, column: at.column };
}

/** Load a GitHub Models prompt file (`*.prompt.yml`) or a Prompty file, keeping source positions. */
export function loadPromptFile(path: string, text: string, workspace: string): LoadedPrompt {
  const file = toWorkspacePath(workspace, path);
  return path.endsWith('.prompty') ? loadPrompty(path, file, text) : loadPromptYml(path, file, text);
}

function parseYaml(text: string, file: string, lineOffset = 0) {
  const { doc, lines, problems, value } = loadYaml(text);
  const findings = problems.map((p) =>
    finding(file, 'yaml/syntax', p.level, p.message, { line: p.line + lineOffset, column: p.column }),
  );
  return { doc, lines, findings, value };
}

function loadPromptYml(path: string, file: string, text: string): LoadedPrompt {
  const prompt = emptyPrompt(path, file, 'prompt-yml');
  const { doc, lines, findings, value } = parseYaml(text, file);
  if (findings.some((f) => f.level === 'error')) return { prompt, findings };
  if (!isMap(doc.contents)) {
    findings.push(finding(file, 'prompt/schema', 'error', 'a prompt file must be a YAML mapping', START));
    return { prompt, findings };
  }
  prompt.keys = keyPositions(doc.contents, lines);
  prompt.values = valuePositions(doc.contents, lines);
  const data = value as Record<string, unknown>;
  const parsed = checkYaml(promptFileSchema, { doc, lines, value: data });
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const where = issue.path.length ? `'${issue.path.join('.')}': ` : '';
      findings.push(finding(file, 'prompt/schema', 'error', `${where}${issue.message}`, issue));
    }
    return { prompt, findings };
  }
  const p = parsed.data;
  // yaml.v3 decodes `version: 1.10` into a text field as written, not as the number 1.1.
  const asWritten = (key: string, value: string | undefined) => {
    const node = doc.get(key, true) as { value?: unknown; range?: [number, number] } | undefined;
    return typeof node?.value === 'number' && node.range ? text.slice(node.range[0], node.range[1]) : value;
  };
  Object.assign(prompt, {
    name: asWritten('name', p.name),
    description: p.description,
    version: asWritten('version', p.version),
    model: p.model,
    modelParameters: p.modelParameters ?? {},
    responseFormat: p.responseFormat,
  });
  const at = (path: PropertyKey[]) => yamlPosition({ doc, lines }, path);
  prompt.messages = p.messages.map<PromptMessage>((m, i) => ({
    role: m.role,
    content: m.content,
    at: at(['messages', i, 'content']),
    roleAt: at(['messages', i, 'role']),
  }));
  prompt.testData = (p.testData ?? []).map<TestDataRow>((values, i) => ({ values, at: at(['testData', i]) }));
  prompt.evaluators = (p.evaluators ?? []).map<PromptEvaluator>((e, i) => ({
    ...e,
    at: at(['evaluators', i]),
  }));
  if (p.jsonSchema !== undefined) {
    try {
      const schema = JSON.parse(p.jsonSchema) as unknown;
      if (schema && typeof schema === 'object' && !Array.isArray(schema))
        prompt.jsonSchema = schema as Record<string, unknown>;
      else throw new Error('not a JSON object');
    } catch (error) {
      findings.push(
        finding(
          file,
          'prompt/json-schema',
          'error',
          `jsonSchema is not valid JSON: ${(error as Error).message}`,
          at(['jsonSchema']),
        ),
      );
    }
  }
  return { prompt, findings };
}

// Prompty: YAML front matter between `---` lines, then a template whose `system:` / `user:` /
// `assistant:` lines start messages.
const ROLE_LINE = /^\s*(system|user|assistant)\s*:\s*$/i;

function loadPrompty(path: string, file: string, text: string): LoadedPrompt {
  const prompt = emptyPrompt(path, file, 'prompty');
  const all = text.split(/\r?\n/);
  const findings: Finding[] = [];
  let bodyStart = 0;
  if (all[0]?.trim() === '---') {
    const end = all.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end < 0) {
      findings.push(
        finding(
          file,
          'prompty/front-matter',
          'error',
          "front matter starts with '---' but never ends",
          START,
        ),
      );
      return { prompt, findings };
    }
    const front = parseYaml(all.slice(1, end).join('\n'), file, 1);
    for (const f of front.findings) findings.push(f);
    if (findings.some((f) => f.level === 'error')) return { prompt, findings };
    const meta = (front.value ?? {}) as Record<string, unknown>;
    const shift = (pos: Position) => ({ line: pos.line + 1, column: pos.column });
    prompt.keys = Object.fromEntries(
      Object.entries(keyPositions(front.doc.contents, front.lines)).map(([k, v]) => [k, shift(v)]),
    );
    prompt.values = Object.fromEntries(
      Object.entries(valuePositions(front.doc.contents, front.lines)).map(([k, v]) => [k, shift(v)]),
    );
    readPromptyMeta(prompt, meta, shift(yamlPosition(front, ['sample'])));
    bodyStart = end + 1;
  }
  let current: PromptMessage | undefined;
  const body: string[] = [];
  const flush = () => {
    if (current) current.content = body.splice(0).join('\n').trim();
    if (current?.content) prompt.messages.push(current);
  };
  for (let i = bodyStart; i < all.length; i++) {
    const role = ROLE_LINE.exec(all[i]!);
    if (role) {
      flush();
      current = { role: role[1]!.toLowerCase(), content: '', at: { line: i + 2, column: 1 } };
    } else {
      if (!current && all[i]!.trim())
        current = { role: 'system', content: '', at: { line: i + 1, column: 1 } };
      body.push(all[i]!);
    }
  }
  flush();
  if (prompt.messages.length === 0) {
    findings.push(
      finding(file, 'prompt/schema', 'error', 'the Prompty template has no message', {
        line: bodyStart + 1,
        column: 1,
      }),
    );
  }
  return { prompt, findings };
}

function readPromptyMeta(prompt: PromptFile, meta: Record<string, unknown>, sampleAt: Position): void {
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  prompt.name = str(meta.name);
  prompt.description = str(meta.description);
  prompt.version = str(meta.version);
  const model = (meta.model ?? {}) as Record<string, unknown>;
  const config = (model.configuration ?? {}) as Record<string, unknown>;
  prompt.model = str(config.name ?? config.azure_deployment ?? config.model ?? model.id);
  const params = (model.parameters ?? {}) as Record<string, unknown>;
  const { max_tokens, top_p, ...rest } = params;
  prompt.modelParameters = {
    ...rest,
    ...(typeof max_tokens === 'number' ? { maxTokens: max_tokens } : {}),
    ...(typeof top_p === 'number' ? { topP: top_p } : {}),
  };
  if (meta.sample && typeof meta.sample === 'object' && !Array.isArray(meta.sample)) {
    prompt.testData = [{ values: meta.sample as Record<string, unknown>, at: sampleAt }];
  }
}
