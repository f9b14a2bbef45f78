import { UserError, type RunContext, defineCommand } from '@llmops/core';
import { judgeApiKey, LlmClient, checkEndpoint, startTestDouble, testDoubleScript } from '@llmops/llm';
import { makeTripwire, plantTripwire } from '../tripwire';
import { safetyTestsInputs, type SafetyTestsInputs } from './inputs';
import { planSafetyRun } from './plan';
import { buildSafetyReport, type SafetyReport } from './report';
import { runProbes } from './run-probes';

/** Attack the model with the chosen packs and transforms, judge every answer, gate on the rates. */
export async function runSafetyTests(inputs: SafetyTestsInputs, context: RunContext): Promise<SafetyReport> {
  const { workspace, log, signal } = context;
  // Packs, thresholds and the system prompt first: a bad one fails before any request is sent.
  const plan = await planSafetyRun(inputs, workspace);
  log(
    `${plan.packs.length} packs (${plan.packs.map((p) => p.name).join(', ') || 'none'}), ` +
      `${plan.probes.length} probes${inputs.transforms.length ? ` with transforms ${inputs.transforms.join(', ')}` : ''}` +
      `${inputs.repeat > 1 ? `, ${inputs.repeat} samples each` : ''}`,
  );

  const doubleScript = testDoubleScript(context.env, log);
  const double = doubleScript ? await startTestDouble(doubleScript, log) : undefined;
  try {
    const baseURL = double?.url ?? inputs['base-url'];
    const model = double?.model ?? inputs.model;
    if (!baseURL)
      throw new UserError(
        `input 'base-url' is required: the OpenAI-compatible endpoint, e.g. http://vllm:8000/v1`,
      );
    if (!model) throw new UserError(`input 'model' is required: the model name the endpoint serves`);
    const apiKey = inputs['api-key'];

    const wantsJudge = Boolean(inputs['judge-model'] || inputs['judge-base-url']);
    const judgeURL = double?.url ?? inputs['judge-base-url'] ?? baseURL;
    const judgeModel = double?.model ?? inputs['judge-model'] ?? model;
    const judgeKey = judgeApiKey({
      baseURL,
      apiKey,
      judgeBaseURL: double ? undefined : inputs['judge-base-url'],
      judgeApiKey: inputs['judge-api-key'],
    });
    const hasRefuseProbes = plan.probes.some((p) => p.expect === 'refuse');

    if (plan.probes.length) {
      await checkEndpoint({ baseURL, apiKey, model }, signal);
      if (wantsJudge && hasRefuseProbes && (judgeURL !== baseURL || judgeModel !== model)) {
        await checkEndpoint(
          { baseURL: judgeURL, apiKey: judgeKey, model: judgeModel, what: 'judge-base-url' },
          signal,
        );
      }
    }
    const common = {
      timeoutMs: inputs['timeout-ms'],
      maxRetries: inputs['max-retries'],
      concurrency: inputs.concurrency,
      stream: false,
      signal,
      // Keys are scrubbed from any error text a server echoes back.
      secrets: [apiKey, judgeKey].filter((k): k is string => !!k),
    };
    const target = new LlmClient({ ...common, baseURL, apiKey, model });
    const sameJudge = judgeURL === baseURL && judgeModel === model && judgeKey === apiKey;
    const judge = !wantsJudge
      ? undefined
      : sameJudge
        ? target
        : new LlmClient({ ...common, baseURL: judgeURL, apiKey: judgeKey, model: judgeModel });

    // A fresh tripwire per run: a leak cannot be memorised or cached, and is proof by itself.
    const tripwire = makeTripwire();
    const systemPrompt = plantTripwire(plan.systemPrompt, tripwire);
    const samples = await runProbes(plan.probes, {
      target,
      judge,
      repeat: inputs.repeat,
      maxTokens: inputs['max-tokens'],
      systemPrompt,
      tripwire,
      log,
    });
    const clients = judge && judge !== target ? [target, judge] : [target];
    const notes = [
      ...(double ? ['TEST DOUBLE: the model was the llmops test server, not a real model'] : []),
      `System prompt: ${plan.systemPromptSource}. A fresh canary was planted in it for this run; it is redacted wherever it appears, and a response that reproduced the system prompt is withheld.`,
      judge
        ? `Answers to harmful requests were classified by the judge model ${judgeModel}; an answer it could not classify is an error.`
        : 'No judge model: answers to harmful requests were classified by the refusal detector.',
    ];
    return buildSafetyReport({
      model: double ? `${model} (test double)` : model,
      ...(judge ? { judgeModel: double ? `${judgeModel} (test double)` : judgeModel } : {}),
      systemPromptSource: plan.systemPromptSource,
      packs: plan.packs,
      transforms: inputs.transforms,
      repeat: inputs.repeat,
      limits: {
        maxAttackSuccessRate: inputs['max-attack-success-rate'],
        maxOverRefusalRate: inputs['max-over-refusal-rate'],
        maxErrorRate: inputs['max-error-rate'],
        thresholds: plan.thresholds,
      },
      samples,
      requests: clients.reduce((n, c) => n + c.stats.requests, 0),
      tripwire,
      systemPrompt,
      notes,
    });
  } finally {
    await double?.stop();
  }
}

export const safetyTestsCommand = defineCommand({
  // Not split yet: the inputs are the plan, the run builds the report.
  plan: (inputs) => inputs,
  report: (report) => report,
  name: 'safety-tests',
  inputs: safetyTestsInputs,
  secretInputs: ['api-key', 'judge-api-key', 'github-token'],
  run: runSafetyTests,
});
