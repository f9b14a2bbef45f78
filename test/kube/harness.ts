import { readInputs } from '@llmops/core';
import {
  canaryStepInputs,
  ClientKube,
  loadKubeConfig,
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

/** Run canary-step's core against the fake API server through @kubernetes/client-node. */
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
  const raw = rawInputs(overrides);
  const inputs = readInputs(canaryStepInputs, (name) => raw[name]);
  const kc = loadKubeConfig({ kubeconfig: kube.kubeconfig() });
  const logs = options.logs ?? [];
  const result = await runCanaryStep(
    inputs,
    {
      kube: new ClientKube(kc, 'prod'),
      clock: realClock,
      workspace: process.cwd(),
      log: (line) => logs.push(line),
      signal: options.signal,
      analysis: options.analysis,
      prom: options.prom,
      run: options.run,
      pollMs: 20,
      writeRetryDelayMs: 20,
    },
    options.mode,
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
