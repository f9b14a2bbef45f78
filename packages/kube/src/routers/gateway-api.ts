import { UserError } from '@llmops/core';
import type { KubeObject } from '../objects';
import { splitWeights, type Router, type Traffic } from './router';

// Gateway API HTTPRoute (gateway.networking.k8s.io/v1): spec.rules[].backendRefs[] = { name, port, weight? (default 1) };
// shadow traffic is a rule filter { type: RequestMirror, requestMirror: { backendRef, percent } }
// (`percent` since Gateway API v1.2; older controllers mirror everything).
interface BackendRef {
  name: string;
  port?: number;
  weight?: number;
  kind?: string;
  group?: string;
  namespace?: string;
  [key: string]: unknown;
}
interface Filter {
  type: string;
  requestMirror?: { backendRef: BackendRef; percent?: number };
  [key: string]: unknown;
}
interface Rule {
  backendRefs?: BackendRef[];
  filters?: Filter[];
  [key: string]: unknown;
}

export class GatewayApiRouter implements Router {
  readonly kind = 'HTTPRoute' as const;

  constructor(
    readonly name: string,
    private readonly stable: string,
    private readonly canary: string,
  ) {}

  private rules(route: KubeObject): Rule[] {
    const rules = (route.spec?.rules ?? []) as Rule[];
    if (!rules.some((r) => (r.backendRefs ?? []).some((b) => b.name === this.stable)))
      throw new UserError(
        `HTTPRoute ${route.metadata.namespace}/${route.metadata.name} has no rule with a backendRef '${this.stable}' (input 'stable-backend')`,
      );
    return rules;
  }

  private isCanaryMirror = (f: Filter) =>
    f.type === 'RequestMirror' && f.requestMirror?.backendRef?.name === this.canary;

  traffic(route: KubeObject): Traffic {
    const rule = this.rules(route).find((r) => (r.backendRefs ?? []).some((b) => b.name === this.stable))!;
    const refs = rule.backendRefs ?? [];
    const total = refs.reduce((sum, b) => sum + (b.weight ?? 1), 0);
    const canary = refs.find((b) => b.name === this.canary);
    const weight = canary && total > 0 ? Math.round(((canary.weight ?? 1) * 100) / total) : 0;
    const mirror = (rule.filters ?? []).find(this.isCanaryMirror);
    return { weight, mirror: mirror ? (mirror.requestMirror!.percent ?? 100) : 0 };
  }

  trafficPatch(route: KubeObject, traffic: Traffic): Record<string, unknown> {
    const rules = this.rules(route).map((rule) => {
      const refs = [...(rule.backendRefs ?? [])];
      const s = refs.findIndex((b) => b.name === this.stable);
      if (s < 0) return rule;
      const stableRef = refs[s]!;
      let c = refs.findIndex((b) => b.name === this.canary);
      const canaryRef: BackendRef = c >= 0 ? refs[c]! : { ...stableRef, name: this.canary, weight: 0 };
      if (c < 0) {
        refs.push(canaryRef);
        c = refs.length - 1;
      }
      const weights = splitWeights(
        refs.map((b) => b.weight ?? 1),
        s,
        c,
        traffic.weight,
        `HTTPRoute ${route.metadata.name}: other backendRefs`,
      );
      const next = refs.map((b, i) => (i === s || i === c ? { ...b, weight: weights[i] } : b));
      const filters = (rule.filters ?? []).filter((f) => !this.isCanaryMirror(f));
      if (traffic.mirror > 0) {
        const { weight: _weight, ...ref } = canaryRef;
        void _weight;
        filters.push({ type: 'RequestMirror', requestMirror: { backendRef: ref, percent: traffic.mirror } });
      }
      const out: Rule = { ...rule, backendRefs: next };
      if (filters.length) out.filters = filters;
      else delete out.filters;
      return out;
    });
    return { spec: { rules } };
  }

  promotePatch(route: KubeObject): Record<string, unknown> {
    return this.trafficPatch(route, { weight: 0, mirror: 0 });
  }
}
