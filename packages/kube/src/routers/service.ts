import type { KubeObject } from '../objects';
import type { Router, Traffic } from './router';

/**
 * Blue-green on a plain Service: its selector points at the stable Deployment's pods, and at the
 * new Deployment's pods once that is ready and has passed analysis (weight 100); switching back is
 * the rollback. The selectors are the Deployments' `spec.selector.matchLabels`.
 */
export class ServiceRouter implements Router {
  readonly kind = 'Service' as const;

  constructor(
    readonly name: string,
    private readonly stableSelector: Record<string, string>,
    private readonly canarySelector: Record<string, string>,
  ) {}

  private selector(route: KubeObject): Record<string, string> {
    return (route.spec?.selector ?? {}) as Record<string, string>;
  }

  traffic(route: KubeObject): Traffic {
    const current = this.selector(route);
    const matches = (want: Record<string, string>) =>
      Object.keys(want).length === Object.keys(current).length &&
      Object.entries(want).every(([k, v]) => current[k] === v);
    return { weight: matches(this.canarySelector) && !matches(this.stableSelector) ? 100 : 0, mirror: 0 };
  }

  /** A merge patch replacing the selector map: keys the target lacks are removed (null). */
  private switchTo(route: KubeObject, target: Record<string, string>): Record<string, unknown> {
    const patch: Record<string, string | null> = { ...target };
    for (const key of Object.keys(this.selector(route))) if (!(key in target)) patch[key] = null;
    return { spec: { selector: patch } };
  }

  trafficPatch(route: KubeObject, traffic: Traffic): Record<string, unknown> {
    return this.switchTo(route, traffic.weight >= 100 ? this.canarySelector : this.stableSelector);
  }

  promotePatch(route: KubeObject): Record<string, unknown> {
    return this.switchTo(route, this.stableSelector);
  }
}
