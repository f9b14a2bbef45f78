import { z } from 'zod';

// The eval suite file (`*.eval.yml`): the one definition of its shape. Assertions are checked
// by `parseAssertion`, which needs the case's vars; model parameters by `toChatParams`.

const SUITE_KEYS = [
  'name',
  'description',
  'prompt',
  'messages',
  'modelParameters',
  'responseFormat',
  'cases',
];
const CASE_KEYS = ['name', 'vars', 'messages', 'expected', 'weight', 'assert'];

/** Any scalar, as text: YAML reads `name: 42` as a number. */
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A mapping with known keys; an unknown key names itself and the known ones. */
function mapping<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  what: { unknown: string; notMapping: string },
  known: string[],
) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${what.unknown} ${issue.keys.map((k) => `'${k}'`).join(', ')}; known: ${known.join(', ')}`
        : what.notMapping,
  });
}

const message = z
  .unknown()
  .transform((m, ctx): { role: 'system' | 'user' | 'assistant'; content: string } => {
    const { role, content } = (m ?? {}) as Record<string, unknown>;
    const r = String(role ?? '').toLowerCase();
    if ((r === 'system' || r === 'user' || r === 'assistant') && typeof content === 'string')
      return { role: r, content };
    ctx.addIssue({
      code: 'custom',
      message: `a message needs role system|user|assistant and text content, got ${JSON.stringify(m).slice(0, 80)}`,
    });
    return z.NEVER;
  });

const messages = z
  .array(message, { error: "'messages' must be a non-empty list of {role, content}" })
  .min(1, "'messages' must be a non-empty list of {role, content}");

const caseSchema = mapping(
  {
    name: text.optional(),
    vars: z.record(z.string(), z.unknown(), { error: "'vars' is a mapping" }).optional(),
    messages: messages.optional(),
    expected: text.optional(),
    weight: z
      .number({ error: "'weight' must be a number >= 0" })
      .min(0, "'weight' must be a number >= 0")
      .optional(),
    assert: z.array(z.unknown(), { error: "'assert' is a list" }).optional(),
  },
  { unknown: 'unknown case key', notMapping: 'a case is a mapping with vars or messages and assert' },
  CASE_KEYS,
);

export const evalSuiteSchema = mapping(
  {
    name: text.optional(),
    description: text.optional(),
    prompt: z.string({ error: "'prompt' is a path to a .prompt.yml file" }).optional(),
    messages: messages.optional(),
    modelParameters: z
      .record(z.string(), z.unknown(), { error: "'modelParameters' is a mapping" })
      .optional(),
    responseFormat: text.optional(),
    cases: z
      .array(caseSchema, { error: "'cases' must be a non-empty list" })
      .min(1, "'cases' must be a non-empty list"),
  },
  { unknown: 'unknown key', notMapping: 'an eval suite is a mapping with name and cases' },
  SUITE_KEYS,
);

export type EvalSuiteFile = z.output<typeof evalSuiteSchema>;
