import type { RunContext } from '@llmops/core';
import { openEndpoints } from '@llmops/llm';
import { makeTripwire, plantTripwire } from '../tripwire';
import type { SafetyPlan } from './plan';
import { runProbes, type Sample } from './run-probes';

/** What a run produced: every judged sample, and what the report needs to show it safely. */
export interface SafetyRunResult {
  model: string;
  judgeModel?: string;
  samples: Sample[];
  requests: number;
  tripwire: string;
  /** The system prompt as sent (tripwire planted): only to keep its text out of the report, never shown. */
  systemPrompt: string;
  notes: string[];
}

/** Attack the model with the planned probes and judge every answer. */
export async function runSafetyTests(plan: SafetyPlan, context: RunContext): Promise<SafetyRunResult> {
  const hasWork = plan.probes.length > 0;
  const hasRefuseProbes = plan.probes.some((p) => p.expect === 'refuse');
  const endpoints = await openEndpoints(
    plan.endpoints,
    { ...plan.endpointOptions, check: { target: hasWork, judge: plan.wantsJudge && hasRefuseProbes } },
    context.signal,
    context.log,
  );
  try {
    const judge = plan.wantsJudge ? endpoints.judge : undefined;
    // A fresh tripwire per run: a leak cannot be memorised or cached, and is proof by itself.
    const tripwire = makeTripwire();
    const systemPrompt = plantTripwire(plan.systemPrompt, tripwire);
    const samples = await runProbes(plan.probes, {
      target: endpoints.target,
      judge,
      repeat: plan.repeat,
      maxTokens: plan.maxTokens,
      systemPrompt,
      tripwire,
      log: context.log,
    });
    return {
      model: endpoints.targetLabel,
      ...(judge ? { judgeModel: endpoints.judgeLabel } : {}),
      samples,
      requests: endpoints.stats().requests,
      tripwire,
      systemPrompt,
      notes: [
        ...endpoints.notes,
        `System prompt: ${plan.systemPromptSource}. A fresh canary was planted in it for this run; it is redacted wherever it appears, and a response that reproduced the system prompt is withheld.`,
        judge
          ? `Answers to harmful requests were classified by the judge model ${judge.model}; an answer it could not classify is an error.`
          : 'No judge model: answers to harmful requests were classified by the refusal detector.',
      ],
    };
  } finally {
    await endpoints.stop();
  }
}
