/** A place in a source file (1-based line and column). */
export interface Position {
  line: number;
  column: number;
}

export interface PromptMessage {
  role: string;
  content: string;
  /** Where the message's content starts. */
  at: Position;
  /** Where its role is written. */
  roleAt?: Position;
}

export interface StringEvaluator {
  contains?: string;
  equals?: string;
  startsWith?: string;
  endsWith?: string;
}

/** A GitHub Models evaluator: `string:` check, `uses: github/<builtin>`, or an `llm:` rubric. */
export interface PromptEvaluator {
  name: string;
  string?: StringEvaluator;
  uses?: string;
  llm?: {
    modelId?: string;
    prompt: string;
    choices: Array<{ choice: string; score: number }>;
    systemPrompt?: string;
  };
  at: Position;
}

export interface TestDataRow {
  values: Record<string, unknown>;
  at: Position;
}

/**
 * A prompt file as `gh models` reads it (`*.prompt.yml`), or a Prompty file mapped onto the same shape.
 * Loading never throws for content problems: they are collected as findings by the validator.
 */
export interface PromptFile {
  /** Absolute path. */
  path: string;
  /** Workspace-relative path with forward slashes. */
  file: string;
  format: 'prompt-yml' | 'prompty';
  name?: string;
  description?: string;
  version?: string;
  model?: string;
  modelParameters: { maxTokens?: number; temperature?: number; topP?: number; [key: string]: unknown };
  messages: PromptMessage[];
  testData: TestDataRow[];
  evaluators: PromptEvaluator[];
  responseFormat?: string;
  /** Parsed `jsonSchema` (a JSON string in the file): `{ name, schema, strict? }`. */
  jsonSchema?: Record<string, unknown>;
  /** Position of each top-level key, for findings about the key itself. */
  keys: Record<string, Position>;
  /** Position of each top-level value, for findings about the value. */
  values: Record<string, Position>;
}
