import { UserError } from '@llmops/core';
import type { KubeObject } from '../objects';
import { splitWeights, type Router, type Traffic } from './router';

// Istio VirtualService (networking.istio.io): spec.http[].route[] = { destination: { host, subset?, port? }, weight? };
// weights of a route's destinations must sum to 100; `mirror` + `mirrorPercentage: { value }` shadow traffic.
interface Destination {
  host: string;
  subset?: string;
  port?: { number?: number };
}
interface RouteDestination {
  destination: Destination;
  weight?: number;
  [key: string]: unknown;
}
interface HttpRoute {
  route?: RouteDestination[];
  mirror?: Destination;
  mirrorPercentage?: { value?: number };
  [key: string]: unknown;
}

const shortHost = (host: string) => host.split('.')[0];

/** The index of the destination that a backend input names: a subset first, else a host (short or full). */
function findDestination(route: RouteDestination[], backend: string, skip = -1): number {
  const bySubset = route.findIndex((r, i) => i !== skip && r.destination?.subset === backend);
  if (bySubset >= 0) return bySubset;
  return route.findIndex(
    (r, i) =>
      i !== skip &&
      !r.destination?.subset &&
      (r.destination?.host === backend || shortHost(r.destination?.host ?? '') === backend),
  );
}

const sameDestination = (a: Destination | undefined, b: Destination) =>
  !!a && a.host === b.host && (a.subset ?? '') === (b.subset ?? '');

export class IstioRouter implements Router {
  readonly kind = 'VirtualService' as const;

  constructor(
    readonly name: string,
    private readonly stable: string,
    private readonly canary: string,
  ) {}

  private http(route: KubeObject): HttpRoute[] {
    const http = (route.spec?.http ?? []) as HttpRoute[];
    const mine = http.filter((h) => findDestination(h.route ?? [], this.stable) >= 0);
    if (mine.length === 0)
      throw new UserError(
        `VirtualService ${route.metadata.namespace}/${route.metadata.name} has no http route with a destination '${this.stable}' (input 'stable-backend': a subset or a host)`,
      );
    return http;
  }

  private canaryDestination(h: HttpRoute): Destination {
    const route = h.route ?? [];
    const s = findDestination(route, this.stable);
    const c = findDestination(route, this.canary, s);
    if (c >= 0) return route[c]!.destination;
    const stable = route[s]!.destination;
    // A canary not on the route yet: a subset of the stable host, or a host of its own.
    return stable.subset ? { ...stable, subset: this.canary } : { ...stable, host: this.canary };
  }

  traffic(route: KubeObject): Traffic {
    const h = this.http(route).find((x) => findDestination(x.route ?? [], this.stable) >= 0)!;
    const dests = h.route ?? [];
    const s = findDestination(dests, this.stable);
    const c = findDestination(dests, this.canary, s);
    const weight = c < 0 ? 0 : (dests[c]!.weight ?? (dests.length === 1 ? 100 : 0));
    const mirror = sameDestination(h.mirror, this.canaryDestination(h))
      ? (h.mirrorPercentage?.value ?? 100)
      : 0;
    return { weight, mirror };
  }

  trafficPatch(route: KubeObject, traffic: Traffic): Record<string, unknown> {
    const http = this.http(route).map((h) => {
      const dests = [...(h.route ?? [])];
      const s = findDestination(dests, this.stable);
      if (s < 0) return h;
      const canaryDest = this.canaryDestination(h);
      let c = findDestination(dests, this.canary, s);
      if (c < 0) {
        dests.push({ destination: canaryDest, weight: 0 });
        c = dests.length - 1;
      }
      const weights = splitWeights(
        dests.map((d) => d.weight ?? 0),
        s,
        c,
        traffic.weight,
        `VirtualService ${route.metadata.name}: other destinations`,
      );
      const next = dests.map((d, i) => (i === s || i === c ? { ...d, weight: weights[i] } : d));
      const out: HttpRoute = { ...h, route: next };
      if (traffic.mirror > 0) {
        out.mirror = canaryDest;
        out.mirrorPercentage = { value: traffic.mirror };
      } else if (sameDestination(h.mirror, canaryDest)) {
        delete out.mirror;
        delete out.mirrorPercentage;
      }
      return out;
    });
    return { spec: { http } };
  }

  promotePatch(route: KubeObject): Record<string, unknown> {
    return this.trafficPatch(route, { weight: 0, mirror: 0 });
  }
}
