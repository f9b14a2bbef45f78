// USD per million tokens (input, output), from the providers' price pages (2026-11). Self-hosted
// models (vLLM, TGI) have no list price: cost shows as n/a.
const PRICES: Array<[pattern: RegExp, input: number, output: number]> = [
  [/^(openai\/)?gpt-4o-mini/, 0.15, 0.6],
  [/^(openai\/)?gpt-4o/, 2.5, 10],
  [/^(openai\/)?gpt-4\.1-nano/, 0.1, 0.4],
  [/^(openai\/)?gpt-4\.1-mini/, 0.4, 1.6],
  [/^(openai\/)?gpt-4\.1/, 2, 8],
  [/^(openai\/)?gpt-5-mini/, 0.25, 2],
  [/^(openai\/)?gpt-5-nano/, 0.05, 0.4],
  [/^(openai\/)?gpt-5/, 1.25, 10],
  [/^(openai\/)?o4-mini/, 1.1, 4.4],
];

/** Estimated USD for the tokens, or undefined when the model has no known price. */
export function estimateCost(
  model: string,
  promptTokens: number,
  completionTokens: number,
): number | undefined {
  const price = PRICES.find(([pattern]) => pattern.test(model));
  if (!price) return undefined;
  return (promptTokens * price[1] + completionTokens * price[2]) / 1_000_000;
}
