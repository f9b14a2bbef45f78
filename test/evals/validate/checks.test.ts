import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { validatePrompts, type ValidateOptions } from '@llmops/evals/validate';
import type { Finding } from '@llmops/core';
import { promptYml, workspace } from './fixtures';

async function lint(files: Record<string, string>, options: Partial<ValidateOptions> = {}) {
  const ws = workspace(files);
  return validatePrompts({
    workspace: ws,
    paths: ['**/*.prompt.yml', '**/*.prompty'],
    maxPromptTokens: 0,
    requireVersionBump: false,
    failOn: 'error',
    ...options,
  });
}

const only = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const at = (f: Finding | undefined) => f && [f.file, f.line, f.column];

describe('validate-prompts checks', () => {
  it('passes a clean GitHub Models prompt file with no findings', async () => {
    const report = await lint({ 'p/a.prompt.yml': promptYml() });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.outputs).toMatchObject({ files: 1, prompts: 1, errors: 0, warnings: 0 });
  });

  it('reports YAML syntax errors with file, line and column', async () => {
    const report = await lint({
      'p/bad.prompt.yml': 'name: x\nmessages:\n  - role: user\n    content: "unterminated\n',
    });
    const [f] = only(report.findings, 'yaml/syntax');
    expect(f?.level).toBe('error');
    expect(f?.file).toBe('p/bad.prompt.yml');
    expect(f?.line).toBe(5);
    expect(f?.column).toBeGreaterThan(0);
    expect(report.verdict).toBe('fail');
  });

  it('reports schema errors at the offending node', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({
        head: 'name: s\nmodel: openai/gpt-4o\nmodelParameters:\n  temperature: 7',
      }),
    });
    const [f] = only(report.findings, 'prompt/schema');
    expect(f?.message).toMatch(/modelParameters.temperature/);
    expect(at(f)).toEqual(['a.prompt.yml', 4, 16]);
  });

  it('flags unknown roles as errors and unknown keys as warnings (gh models ignores them)', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({
        head: 'name: s\nmodel: openai/gpt-4o\nowner: team-a',
        messages: 'messages:\n  - role: wizard\n    content: hi {{question}}',
      }),
    });
    expect(at(only(report.findings, 'prompt/role')[0])).toEqual(['a.prompt.yml', 5, 11]);
    const unknown = only(report.findings, 'prompt/unknown-key')[0];
    expect(unknown?.level).toBe('warning');
    expect(at(unknown)).toEqual(['a.prompt.yml', 3, 1]);
  });

  it('finds missing and unused testData variables at their rows', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({
        testData: 'testData:\n  - question: ok\n  - expected: x\n    colour: red',
      }),
    });
    const missing = only(report.findings, 'prompt/missing-variable');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toMatch(/'question'/);
    expect(at(missing[0])).toEqual(['a.prompt.yml', 13, 5]);
    const unused = only(report.findings, 'prompt/unused-variable');
    expect(unused.map((f) => f.message)).toEqual([
      "testData variable 'colour' is used by no message or evaluator",
    ]);
  });

  it('flags unbalanced braces and placeholders gh models will not fill', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({
        messages: 'messages:\n  - role: user\n    content: "Hi {{ question }} and {{name"',
        testData: 'testData:\n  - question: q\n    name: n',
      }),
    });
    expect(only(report.findings, 'prompt/unbalanced-braces')).toHaveLength(1);
    expect(only(report.findings, 'prompt/placeholder-spacing')[0]?.message).toMatch(/'\{\{ question \}\}'/);
  });

  it('checks response formats and JSON schemas', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({
        tail: 'responseFormat: json_schema\njsonSchema: \'{"name": "x", "schema": {"type": "objekt"}}\'',
      }),
      'b.prompt.yml': promptYml({
        head: 'name: b\nmodel: openai/gpt-4o',
        tail: "responseFormat: json_schema\njsonSchema: '{not json'",
      }),
      'c.prompt.yml': promptYml({
        head: 'name: c\nmodel: openai/gpt-4o',
        tail: 'responseFormat: json_object',
      }),
    });
    const schema = only(report.findings, 'prompt/json-schema');
    expect(schema.map((f) => [f.file, f.line])).toEqual([
      ['a.prompt.yml', 15],
      ['b.prompt.yml', 12],
    ]);
    expect(schema[0]?.message).toMatch(/not a valid JSON Schema/);
    expect(only(report.findings, 'prompt/json-instruction')[0]?.file).toBe('c.prompt.yml');
  });

  it('flags unknown models, unknown evaluators and duplicate names', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({ head: 'name: same\nmodel: acme/mystery-1' }),
      'b.prompt.yml': promptYml({
        head: 'name: same\nmodel: openai/gpt-4o',
        tail: 'evaluators:\n  - name: e\n    uses: github/vibes',
      }),
    });
    expect(at(only(report.findings, 'prompt/unknown-model')[0])).toEqual(['a.prompt.yml', 2, 8]);
    expect(only(report.findings, 'prompt/unknown-evaluator')[0]?.message).toMatch(
      /github\/vibes.*github\/similarity/,
    );
    const [shared] = only(report.findings, 'prompt/duplicate-name');
    expect(at(shared)).toEqual(['b.prompt.yml', 1, 7]);
    expect(shared?.level).toBe('warning');
  });

  it('lets prompt files share a display name: they are told apart by path, a warning at most', async () => {
    const report = await lint({
      'support/a.prompt.yml': promptYml({ head: 'name: Basic Prompt\nmodel: openai/gpt-4o' }),
      'billing/a.prompt.yml': promptYml({ head: 'name: Basic Prompt\nmodel: openai/gpt-4o' }),
    });
    expect(report.verdict).toBe('pass');
    expect(report.outputs).toMatchObject({ files: 2, prompts: 2, errors: 0, warnings: 1 });
    expect(only(report.findings, 'prompt/duplicate-name')[0]?.message).toBe(
      "name 'Basic Prompt' is also used by billing/a.prompt.yml; prompts are told apart by path, but reports list them by name",
    );
  });

  it('finds credentials pasted into prompts without repeating them', async () => {
    const key = `sk-proj-${'a1B2'.repeat(10)}`;
    const report = await lint({
      'a.prompt.yml': promptYml({
        messages: `messages:\n  - role: system\n    content: "Use key ${key}"\n  - role: user\n    content: "{{question}}"`,
      }),
    });
    const [f] = only(report.findings, 'prompt/secret');
    expect(f?.message).toMatch(/OpenAI API key/);
    expect(f?.message).not.toContain(key);
    expect(f?.line).toBe(8);
  });

  it('checks context fit and max-prompt-tokens with real token counts', async () => {
    const long = 'word '.repeat(9000);
    const report = await lint(
      {
        'a.prompt.yml': promptYml({
          head: 'name: s\nmodel: openai/gpt-4\nmodelParameters:\n  maxTokens: 500',
          testData: `testData:\n  - question: "${long}"`,
        }),
      },
      { maxPromptTokens: 1000 },
    );
    expect(only(report.findings, 'prompt/context-overflow')[0]?.message).toMatch(
      /exceed the 8192-token context of 'openai\/gpt-4'/,
    );
    expect(only(report.findings, 'prompt/too-many-tokens')[0]?.message).toMatch(
      /exceed max-prompt-tokens 1000/,
    );
    expect(Number(report.outputs['total-tokens'])).toBeGreaterThan(9000);
  });

  it('reads Prompty files: front matter, role blocks and sample', async () => {
    const report = await lint({
      't.prompty':
        '---\nname: triage\nmodel:\n  configuration:\n    name: gpt-4o\n  parameters:\n    max_tokens: 20\nsample:\n  ticket: lost parcel\n---\nsystem:\nRoute the ticket.\n\nuser:\n{{ticket}} {{missing}}\n',
    });
    const [f] = only(report.findings, 'prompt/missing-variable');
    expect(f?.message).toMatch(/'missing'/);
    expect(f?.file).toBe('t.prompty');
    expect((report.data?.prompts ?? [])[0]).toMatchObject({
      name: 'triage',
      model: 'gpt-4o',
      maxTokens: 20,
      tokenMethod: 'o200k_base',
    });
  });

  it('warns on message order, empty messages, unknown parameters and repeated evaluators', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({
        head: 'name: s\nmodel: openai/gpt-4o\nmodelParameters:\n  max_tokens: 10',
        messages:
          'messages:\n  - role: assistant\n    content: ""\n  - role: system\n    content: "Be brief {{question}}"',
        tail: 'evaluators:\n  - name: e\n    string:\n      contains: a\n  - name: e\n    string:\n      contains: b',
      }),
    });
    const where = (rule: string) =>
      report.findings.filter((f) => f.ruleId === rule).map((f) => [f.level, f.line, f.column]);
    expect(where('prompt/unknown-parameter')).toEqual([['warning', 3, 1]]);
    expect(where('prompt/empty-message')).toEqual([['warning', 7, 14]]);
    expect(where('prompt/system-position')).toEqual([['warning', 9, 14]]);
    expect(where('prompt/no-user-message')).toEqual([['warning', 7, 14]]);
    expect(where('prompt/duplicate-evaluator')).toEqual([['warning', 17, 5]]);
    expect(report.verdict).toBe('pass');
  });

  it('accepts what gh models accepts: empty values, literal braces, numeric versions, several evaluator kinds', async () => {
    const report = await lint({
      'a.prompt.yml': promptYml({
        head: 'name: a\ndescription:\nversion: 1.10\nmodel: openai/gpt-4o-2024-08-06',
        messages:
          'messages:\n  - role: user\n    content: \'Reply as JSON like {"user": {"id": 1}} for {{question}}\'',
        tail: 'evaluators:\n  - name: e\n    uses: github/similarity\n  - name: f\n    string:\n      contains: x\n      regex: y',
      }),
    });
    expect(report.findings).toEqual([]);
    expect(report.data?.prompts[0]).toMatchObject({ version: '1.10', tokenMethod: 'o200k_base' });
  });

  it('reads Prompty variables as Jinja: dotted names and loop variables', async () => {
    const report = await lint({
      't.prompty':
        '---\nname: t\nmodel:\n  configuration:\n    name: gpt-4o\nsample:\n  customer: {firstName: Ada}\n  items: []\n---\nsystem:\nHello {{ customer.firstName }}.\n{% for item in items %}- {{item.title}}\n{% endfor %}\n\nuser:\nhi\n',
    });
    expect(report.findings).toEqual([]);
  });

  it('validates JSON schemas of any draft without fetching meta-schemas', async () => {
    const schema = JSON.stringify({
      name: 'x',
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { d: { type: 'string', format: 'date-time' } },
      },
    });
    const report = await lint({
      'a.prompt.yml': promptYml({ tail: `responseFormat: json_schema\njsonSchema: '${schema}'` }),
    });
    expect(report.findings).toEqual([]);
  });

  it('does not read prompt files that are symlinks out of the workspace', async () => {
    const outside = workspace({
      'secret.prompt.yml': promptYml({ head: 'name: outside\nmodel: openai/gpt-4o\nowner: x' }),
    });
    const ws = workspace({ 'a.prompt.yml': promptYml() });
    symlinkSync(path.join(outside, 'secret.prompt.yml'), path.join(ws, 'link.prompt.yml'));
    const report = await validatePrompts({
      workspace: ws,
      paths: ['*.prompt.yml'],
      maxPromptTokens: 0,
      requireVersionBump: false,
      failOn: 'error',
    });
    expect(report.outputs.files).toBe(1);
    expect(report.findings).toEqual([]);
  });

  it('fails on warnings when fail-on is warning', async () => {
    const files = { 'a.prompt.yml': promptYml({ head: 'name: s\nmodel: openai/gpt-4o\nowner: me' }) };
    expect((await lint(files)).verdict).toBe('pass');
    expect((await lint(files, { failOn: 'warning' })).verdict).toBe('fail');
  });
});
