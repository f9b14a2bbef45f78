import type { KubeObject } from '../objects';
import type { Router, Traffic } from './router';

// KServe InferenceService (serving.kserve.io/v1beta1, serverless mode): spec.predictor.canaryTrafficPercent
// sends that share to the latest ready revision and the rest to the last rolled-out one; removing it
// promotes the latest revision, and 0 rolls back to the previous one (kserve.github.io, "Canary Rollout").
export class KServeRouter implements Router {
  readonly kind = 'InferenceService' as const;

  constructor(readonly name: string) {}

  traffic(route: KubeObject): Traffic {
    const percent = (route.spec?.predictor as { canaryTrafficPercent?: number } | undefined)
      ?.canaryTrafficPercent;
    return { weight: percent ?? 0, mirror: 0 };
  }

  trafficPatch(_route: KubeObject, traffic: Traffic): Record<string, unknown> {
    return { spec: { predictor: { canaryTrafficPercent: traffic.weight } } };
  }

  promotePatch(): Record<string, unknown> {
    return { spec: { predictor: { canaryTrafficPercent: null } } };
  }
}
