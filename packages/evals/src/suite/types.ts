import type { ChatMessage, ChatParams } from '@llmops/llm';
import type { ValidateFunction } from 'ajv';

export const ASSERTION_KINDS = [
  'equals',
  'contains',
  'not-contains',
  'starts-with',
  'ends-with',
  'regex',
  'is-json',
  'json-schema',
  'max-words',
  'max-chars',
  'latency-ms',
  'ttft-ms',
  'refusal',
  'not-refusal',
  'no-pii',
  'judge',
  'similar',
] as const;

export type AssertionKind =
  | (typeof ASSERTION_KINDS)[number]
  /** A GitHub Models `uses: github/<name>` evaluator. */
  | 'builtin'
  /** A GitHub Models `llm:` evaluator: a prompt whose answer is matched to scored choices. */
  | 'llm-choices';

export interface LlmChoicesEvaluator {
  /** The judge model the evaluator asks for (gh-models `llm.modelId`). */
  modelId?: string;
  prompt: string;
  systemPrompt?: string;
  choices: Array<{ choice: string; score: number }>;
}

export interface Assertion {
  kind: AssertionKind;
  /** Text, pattern or limit the kind compares with (already filled with the case's vars). */
  value?: string | number;
  /** Compiled `regex` pattern. */
  pattern?: RegExp;
  /** `json-schema`: the schema itself. */
  schema?: Record<string, unknown>;
  /** `json-schema`: the schema compiled when the suite loaded. */
  validate?: ValidateFunction;
  /** `judge`: what the answer must do. `builtin`: the evaluator's name (similarity, …). */
  rubric?: string;
  /** Judge score (0–1) an answer needs; `builtin` and `llm-choices` pass above 0 as gh-models does. */
  threshold?: number;
  llm?: LlmChoicesEvaluator;
  caseSensitive: boolean;
  /** Invert the result (a failed judge request is still an error, never a pass). */
  not: boolean;
  /** How the assertion reads in a report, e.g. `contains "30 days"`. */
  label: string;
  line: number;
}

/** One thing to ask the model and how to judge its answer. */
export interface EvalCase {
  /** Stable across runs and branches: `<file>#<name>`. */
  id: string;
  suite: string;
  /** Workspace-relative path of the file the case is written in. */
  file: string;
  line: number;
  name: string;
  messages: ChatMessage[];
  params: ChatParams;
  vars: Record<string, unknown>;
  expected?: string;
  weight: number;
  assertions: Assertion[];
  /** gh-models compares the trimmed answer; our eval suites do too. */
  trimOutput: boolean;
}

/** A problem in a suite file, found before any request is sent. */
export interface SuiteProblem {
  file: string;
  line: number;
  column?: number;
  message: string;
}
