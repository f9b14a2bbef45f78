import { z } from 'zod';

// The GitHub Models prompt file (`*.prompt.yml`), as `gh models` decodes it: yaml.v3 into typed
// fields, so scalars decode into text fields, an empty value is "", and unknown keys are ignored
// (we warn on them).
const text = z.union([z.string(), z.number(), z.boolean(), z.null().transform(() => '')]).transform(String);

export const ROLES = ['system', 'user', 'assistant'] as const;
export const BUILTIN_EVALUATORS = [
  'github/similarity',
  'github/coherence',
  'github/fluency',
  'github/relevance',
  'github/groundedness',
] as const;
export const RESPONSE_FORMATS = ['text', 'json_object', 'json_schema'] as const;

const stringEvaluator = z.looseObject({
  contains: text.optional(),
  equals: text.optional(),
  startsWith: text.optional(),
  endsWith: text.optional(),
});

const llmEvaluator = z.object({
  modelId: text.optional(),
  prompt: text,
  choices: z.array(z.object({ choice: text, score: z.number() })),
  systemPrompt: text.optional(),
});

export const evaluatorSchema = z
  .object({
    name: text,
    string: stringEvaluator.optional(),
    uses: text.optional(),
    llm: llmEvaluator.optional(),
  })
  .refine((e) => e.string !== undefined || e.uses !== undefined || e.llm !== undefined, {
    message: 'an evaluator needs one of string, uses or llm',
  });

export const promptFileSchema = z.looseObject({
  name: text.optional(),
  description: text.optional(),
  version: text.optional(),
  model: text.optional(),
  modelParameters: z
    .looseObject({
      maxTokens: z.number().int().nonnegative().optional(),
      temperature: z.number().min(0).max(2).optional(),
      topP: z.number().min(0).max(1).optional(),
    })
    .optional(),
  messages: z.array(z.object({ role: text, content: text })).min(1, 'a prompt needs at least one message'),
  testData: z.array(z.record(z.string(), z.unknown())).optional(),
  evaluators: z.array(evaluatorSchema).optional(),
  responseFormat: text.optional(),
  jsonSchema: text.optional(),
});

export const KNOWN_KEYS = new Set(Object.keys(promptFileSchema.shape));
export const KNOWN_MODEL_PARAMETERS = new Set(['maxTokens', 'temperature', 'topP']);
