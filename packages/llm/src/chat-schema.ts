import { z } from 'zod';

// OpenAI chat completion shape (platform.openai.com/docs/api-reference/chat/object and
// .../chat/streaming): what vLLM, TGI, Ollama and Azure also answer. Only the fields we read are
// checked; anything else a server adds passes through. A body that does not fit is not an answer.

const usage = z
  .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() })
  .nullish();

const finishReason = z.string().nullish();

/** `stream: false`: one message per choice. */
export const chatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        message: z.object({
          content: z.string().nullish(),
          // OpenAI's refusal text (structured outputs): content is null and this says why.
          refusal: z.string().nullish(),
        }),
        finish_reason: finishReason,
      }),
    )
    .min(1, 'no choices'),
  usage,
});

/** `stream: true`: one delta per choice; the usage chunk comes last with `choices: []`. */
export const chatCompletionChunkSchema = z.object({
  // Some servers leave `choices` out of a usage-only chunk; a stream without any choice is caught
  // at its end (no finish_reason).
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        delta: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }).nullish(),
        finish_reason: finishReason,
      }),
    )
    .default([]),
  usage,
});

export type ChatCompletionBody = z.output<typeof chatCompletionSchema>;
export type ChatCompletionChunk = z.output<typeof chatCompletionChunkSchema>;

/** The first problem of a body that does not fit, as `choices.0.message: expected object`. */
export function shapeProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const at = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${at}${issue.message}`;
}
