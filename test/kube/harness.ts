import { readInputs } from '@llmops/core';
import {
  canaryStepInputs,
  ClientKube,
  planCanaryStep,
  runCanaryStep,
  STATE_ANNOTATION,
  type Analysis,
  type AnalysisOptions,
  type AnalysisResult,
  type RolloutResult,
  type RolloutState,
} from '@llmops/kube';
import { realClock, type PromApi } from '@llmops/prom';
import type { FakeKube, KubeObject } from '../helpers/fake-kube';
import { rawInputs } from './fixtures';

export interface Run {
  result: RolloutResult;
  logs: string[];
}

/** A check for the plan to parse where a scripted analysis stands in for the checks it names. */
const SCRIPTED_CHECKS = '- {name: scripted, query: up, min: 0}';

/** Plan and run canary-step against the fake API server through @kubernetes/client-node. */
export async function runStep(
  kube: FakeKube,
  overrides: Record<string, string>,
  options: {
    analysis?: Analysis;
    prom?: PromApi;
    signal?: AbortSignal;
    mode?: 'main' | 'post';
    logs?: string[];
    /** The workflow run (`<id>/<attempt>`) recorded in the state. */
    run?: string;
  } = {},
): Promise<Run> {
  const raw = rawInputs({
    kubeconfig: kube.kubeconfig(),
    ...(options.analysis ? { checks: SCRIPTED_CHECKS, 'prometheus-url': 'http://127.0.0.1:9' } : {}),
    ...overrides,
  });
  const inputs = readInputs(canaryStepInputs, (name) => raw[name]);
  const logs = options.logs ?? [];
  const log = (line: string) => logs.push(line);
  const mode = options.mode ?? 'main';
  const plan = planCanaryStep(inputs, { workspace: process.cwd(), env: {}, log }, mode);
  if (options.run) plan.config.run = options.run;
  const result = await runCanaryStep(
    plan,
    {
      kube: new ClientKube(plan.kube.config, plan.kube.namespace),
      clock: realClock,
      log,
      signal: options.signal,
      analysis: options.analysis,
      prom: options.prom,
      pollMs: 20,
      writeRetryDelayMs: 20,
    },
    mode,
  );
  return { result, logs };
}

/** An analysis that answers from a script, step by step (a label like `step 2/3 (weight 50%)`). */
export function scriptedAnalysis(
  verdicts: Array<'pass' | 'fail' | 'inconclusive'>,
  onRun?: (label: string, options?: AnalysisOptions) => void,
): Analysis & { calls: string[] } {
  const calls: string[] = [];
  return {
    checks: 1,
    calls,
    async run(label, _override, _signal, options): Promise<AnalysisResult> {
      calls.push(label);
      onRun?.(label, options);
      const verdict = verdicts[calls.length - 1] ?? 'pass';
      return {
        verdict,
        checks: [
          {
            name: 'ttft-p95',
            verdict,
            values:
              verdict === 'pass' ? 'canary 0.2 vs baseline 0.2 (×1)' : 'canary 0.6 vs baseline 0.2 (×3)',
            reason: verdict === 'pass' ? '' : '1 failed measurement > failure-limit 0',
            measurements: 1,
          },
        ],
        reason: verdict === 'pass' ? '' : 'ttft-p95: 1 failed measurement > failure-limit 0',
        cancelled: false,
        measurements: [],
      };
    },
  };
}

export function stateOf(object: KubeObject | undefined): RolloutState | undefined {
  const text = object?.metadata.annotations?.[STATE_ANNOTATION];
  return text ? (JSON.parse(text) as RolloutState) : undefined;
}

/** The canary weights the VirtualService was given, write by write. */
export function istioCanaryWeights(kube: FakeKube): number[] {
  return kube
    .writes(/^virtualservices\/llm$/)
    .filter((r) => r.status === 200)
    .map((r) => {
      const http =
        (
          r.body as {
            spec?: { http?: Array<{ route: Array<{ destination: { subset?: string }; weight?: number }> }> };
          }
        ).spec?.http ?? [];
      return http[0]?.route.find((d) => d.destination.subset === 'canary')?.weight;
    })
    .filter((w): w is number => w !== undefined);
}

export function replicasOf(kube: FakeKube, name: string): number | undefined {
  return (kube.get('deployments', name)?.spec as { replicas?: number } | undefined)?.replicas;
}

export function imageOfDeployment(kube: FakeKube, name: string): string | undefined {
  return (
    kube.get('deployments', name)?.spec as { template: { spec: { containers: Array<{ image: string }> } } }
  )?.template.spec.containers[0]?.image;
}
