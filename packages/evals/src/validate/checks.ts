import type { Finding } from '@llmops/core';
import type { Ajv } from 'ajv';
import {
  BUILTIN_EVALUATORS,
  KNOWN_KEYS,
  KNOWN_MODEL_PARAMETERS,
  RESPONSE_FORMATS,
  ROLES,
} from '../prompt-file/schema';
import { findPlaceholders } from '../prompt-file/template';
import type { Position, PromptFile } from '../prompt-file/types';
import { findSecrets } from './secrets';

type Emit = (ruleId: string, level: Finding['level'], message: string, at: Position) => void;

/** Every per-file check that needs no tokenizer, model table or git. */
export function checkPrompt(prompt: PromptFile, ajv?: Ajv): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (ruleId, level, message, at) =>
    findings.push({ ruleId, level, message, file: prompt.file, line: at.line, column: at.column });
  const start = { line: 1, column: 1 };
  if (prompt.format === 'prompt-yml') checkKeys(prompt, emit);
  checkRoles(prompt, emit, start);
  checkVariables(prompt, emit);
  checkEvaluators(prompt, emit);
  checkResponseFormat(prompt, emit, start, ajv);
  checkSecrets(prompt, emit);
  if (!prompt.model)
    emit('prompt/no-model', 'warning', 'no model: token counts and cost cannot be checked', start);
  return findings;
}

function checkKeys(prompt: PromptFile, emit: Emit): void {
  for (const [key, at] of Object.entries(prompt.keys)) {
    if (!KNOWN_KEYS.has(key))
      emit('prompt/unknown-key', 'warning', `unknown key '${key}' (gh models ignores it)`, at);
  }
  for (const key of Object.keys(prompt.modelParameters)) {
    if (!KNOWN_MODEL_PARAMETERS.has(key)) {
      emit(
        'prompt/unknown-parameter',
        'warning',
        `unknown model parameter '${key}': gh models reads maxTokens, temperature and topP`,
        prompt.keys.modelParameters ?? { line: 1, column: 1 },
      );
    }
  }
}

function checkRoles(prompt: PromptFile, emit: Emit, start: Position): void {
  prompt.messages.forEach((m, i) => {
    if (!(ROLES as readonly string[]).includes(m.role.toLowerCase())) {
      emit(
        'prompt/role',
        'error',
        `unknown role '${m.role}': expected one of ${ROLES.join(', ')}`,
        m.roleAt ?? m.at,
      );
    } else if (m.role.toLowerCase() === 'system' && i > 0) {
      emit('prompt/system-position', 'warning', 'a system message after the first message', m.at);
    }
    if (!m.content.trim()) emit('prompt/empty-message', 'warning', `empty ${m.role} message`, m.at);
  });
  if (prompt.messages.length && !prompt.messages.some((m) => m.role.toLowerCase() === 'user')) {
    emit(
      'prompt/no-user-message',
      'warning',
      'no user message: most chat models expect one',
      prompt.messages[0]?.at ?? start,
    );
  }
}

// Prompty templates are Jinja2: `{{ user.name }}` reads the variable `user`, and `{% for x in ... %}`
// binds `x`. Prompt files use gh models' plain `{{name}}` replacement.
function templateVariables(prompt: PromptFile, content: string): string[] {
  const names = findPlaceholders(content).map((p) => p.name);
  if (prompt.format !== 'prompty') return names;
  const bound = new Set(
    [...content.matchAll(/\{%-?\s*for\s+([\w\s,]+?)\s+in\b/g)].flatMap((m) => m[1]!.split(/\s*,\s*/)),
  );
  return names
    .map((n) => n.split(/[.[|\s]/)[0]!)
    .filter((n) => /^\w+$/.test(n) && !bound.has(n) && n !== 'loop');
}

function checkVariables(prompt: PromptFile, emit: Emit): void {
  const used = new Set<string>();
  for (const m of prompt.messages) {
    for (const name of templateVariables(prompt, m.content)) used.add(name);
    if (prompt.format === 'prompt-yml') {
      for (const p of findPlaceholders(m.content)) {
        if (p.raw !== `{{${p.name}}}`) {
          emit(
            'prompt/placeholder-spacing',
            'warning',
            `'${p.raw}' is not filled by gh models: write '{{${p.name}}}'`,
            m.at,
          );
        }
      }
    }
    // Literal braces (JSON examples) are fine; an opening `{{` that never closes is a typo.
    const rest = m.content.replace(/\{\{[^{}]*\}\}/g, '');
    if (/\{\{(?![^]*\}\})/.test(rest)) {
      emit(
        'prompt/unbalanced-braces',
        'warning',
        `'{{' without a closing '}}' in the ${m.role} message`,
        m.at,
      );
    }
  }
  const referenced = new Set(used);
  // Jinja statements read variables too (`{% for x in items %}`, `{% if vip %}`), without requiring them.
  if (prompt.format === 'prompty') {
    for (const m of prompt.messages) {
      for (const [, name] of m.content.matchAll(
        /\{%-?\s*(?:for\s+[\w\s,]+?\s+in|if|elif)\s+([A-Za-z_]\w*)/g,
      )) {
        referenced.add(name!);
      }
    }
  }
  for (const e of prompt.evaluators) {
    const texts = [...Object.values(e.string ?? {}), e.llm?.prompt ?? '', e.llm?.systemPrompt ?? ''];
    for (const t of texts) for (const p of findPlaceholders(String(t))) referenced.add(p.name);
    // The built-in evaluators read the input, the expected answer and the completion.
    if (e.uses?.startsWith('github/')) referenced.add('input');
  }
  const reportedUnused = new Set<string>();
  for (const row of prompt.testData) {
    const missing = [...used].filter((name) => !(name in row.values));
    if (missing.length) {
      emit(
        'prompt/missing-variable',
        'error',
        `testData row lacks ${missing.map((n) => `'${n}'`).join(', ')}`,
        row.at,
      );
    }
    for (const key of Object.keys(row.values)) {
      // `expected` and `completion` are read by evaluators even when no template names them.
      if (!referenced.has(key) && key !== 'expected' && !reportedUnused.has(key)) {
        reportedUnused.add(key);
        emit(
          'prompt/unused-variable',
          'warning',
          `testData variable '${key}' is used by no message or evaluator`,
          row.at,
        );
      }
    }
  }
}

function checkEvaluators(prompt: PromptFile, emit: Emit): void {
  const names = new Set<string>();
  for (const e of prompt.evaluators) {
    if (names.has(e.name))
      emit('prompt/duplicate-evaluator', 'warning', `evaluator name '${e.name}' repeats`, e.at);
    names.add(e.name);
    const kinds = [e.string && 'string', e.uses && 'uses', e.llm && 'llm'].filter(Boolean);
    if (kinds.length > 1) {
      emit(
        'prompt/evaluator-kinds',
        'warning',
        `evaluator '${e.name}' sets ${kinds.join(' and ')}: only ${kinds[0]} is used`,
        e.at,
      );
    }
    if (e.uses !== undefined && !(BUILTIN_EVALUATORS as readonly string[]).includes(e.uses)) {
      emit(
        'prompt/unknown-evaluator',
        'error',
        `unknown evaluator '${e.uses}': expected one of ${BUILTIN_EVALUATORS.join(', ')}`,
        e.at,
      );
    }
  }
}

/** A schema compiler, loaded only when some prompt has a JSON schema (Ajv is large). */
export async function loadSchemaCompiler(): Promise<Ajv> {
  // ajv is CommonJS: bundlers expose its exports as `default`, Node's loader also as named exports.
  const mod = (await import('ajv')) as typeof import('ajv') & { default: { Ajv?: typeof Ajv } };
  const AjvClass = mod.Ajv ?? mod.default.Ajv!;
  // Structured outputs use a subset of JSON Schema; unknown formats are not our concern here.
  return new AjvClass({
    strict: false,
    allErrors: false,
    validateSchema: true,
    validateFormats: false,
    logger: false,
  });
}

function checkResponseFormat(prompt: PromptFile, emit: Emit, start: Position, ajv?: Ajv): void {
  const at = prompt.values.responseFormat ?? start;
  const format = prompt.responseFormat;
  if (format !== undefined && !(RESPONSE_FORMATS as readonly string[]).includes(format)) {
    emit(
      'prompt/response-format',
      'error',
      `responseFormat '${format}': expected one of ${RESPONSE_FORMATS.join(', ')}`,
      at,
    );
    return;
  }
  if (format === 'json_object' && !prompt.messages.some((m) => /json/i.test(m.content))) {
    emit(
      'prompt/json-instruction',
      'warning',
      "responseFormat json_object needs the word 'JSON' in a message (OpenAI rejects it otherwise)",
      at,
    );
  }
  const schemaAt = prompt.values.jsonSchema ?? at;
  if (format === 'json_schema' && !prompt.jsonSchema && !prompt.keys.jsonSchema) {
    emit('prompt/json-schema', 'error', 'responseFormat json_schema needs jsonSchema', at);
  }
  const js = prompt.jsonSchema;
  if (!js) return;
  // gh models requires name and schema only for json_schema responses.
  if (format === 'json_schema' && typeof js.name !== 'string') {
    emit('prompt/json-schema', 'error', "jsonSchema needs a 'name'", schemaAt);
  }
  if (!js.schema || typeof js.schema !== 'object') {
    if (format === 'json_schema')
      emit('prompt/json-schema', 'error', "jsonSchema needs a 'schema' object", schemaAt);
    return;
  }
  try {
    if (!ajv) throw new Error('no schema compiler loaded');
    // Validate the schema's structure whatever draft it names: `$schema` would make Ajv look up a meta-schema.
    const { $schema: _draft, ...schema } = js.schema as Record<string, unknown>;
    ajv.compile(schema);
  } catch (error) {
    emit(
      'prompt/json-schema',
      'error',
      `jsonSchema.schema is not a valid JSON Schema: ${(error as Error).message}`,
      schemaAt,
    );
  }
}

function checkSecrets(prompt: PromptFile, emit: Emit): void {
  for (const m of prompt.messages) {
    for (const kind of findSecrets(m.content)) {
      emit(
        'prompt/secret',
        'error',
        `a ${kind} appears in the ${m.role} message: remove it and rotate the credential`,
        m.at,
      );
    }
  }
  for (const row of prompt.testData) {
    for (const kind of findSecrets(JSON.stringify(row.values))) {
      emit(
        'prompt/secret',
        'error',
        `a ${kind} appears in testData: remove it and rotate the credential`,
        row.at,
      );
    }
  }
}
