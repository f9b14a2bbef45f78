import type { ChatParams } from '@llmops/llm';

/**
 * Model parameters in either spelling (`maxTokens`/`max_tokens`, `topP`/`top_p`) to OpenAI's.
 * Unknown keys are returned so the loader can name them.
 */
export function toChatParams(raw: Record<string, unknown> | undefined): {
  params: ChatParams;
  unknown: string[];
} {
  const params: ChatParams = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'temperature':
        params.temperature = Number(value);
        break;
      case 'maxTokens':
      case 'max_tokens':
        params.max_tokens = Number(value);
        break;
      case 'topP':
      case 'top_p':
        params.top_p = Number(value);
        break;
      case 'seed':
        params.seed = Number(value);
        break;
      case 'stop':
        params.stop = (Array.isArray(value) ? value : [value]).map(String);
        break;
      default:
        unknown.push(key);
    }
  }
  return { params, unknown };
}

/** `responseFormat` + `jsonSchema` of a prompt file as OpenAI's `response_format`. */
export function toResponseFormat(
  format: string | undefined,
  jsonSchema: Record<string, unknown> | undefined,
): ChatParams['response_format'] {
  if (format === 'json_object') return { type: 'json_object' };
  if (format === 'json_schema' && jsonSchema) return { type: 'json_schema', json_schema: jsonSchema };
  return undefined;
}
