import { UserError } from '@llmops/core';
import { applyMergePatch, type FieldChange, type JsonPatchOp, type KubeObject } from '../objects';
import type { RolloutRun } from '../rollout/run';
import type { Router } from '../routers/router';
import type { Writer } from '../writer';
import type { Workload } from './workload';

/** The storage URI or image that identifies a KServe predictor's revision. */
function predictorRevision(isvc: KubeObject): string | undefined {
  const p = (isvc.spec?.predictor ?? {}) as {
    model?: { storageUri?: string; image?: string };
    containers?: Array<{ image?: string }>;
  };
  return p.model?.storageUri ?? p.model?.image ?? p.containers?.[0]?.image;
}

/**
 * `revision` on the predictor: a merge patch of `model` (a storage URI or an image), or for custom
 * containers a JSON patch of the first container's image alone (the list holds env and args).
 */
function predictorChange(
  isvc: KubeObject,
  revision: string,
): { merge?: Record<string, unknown>; ops?: JsonPatchOp[]; fields: FieldChange[] } | undefined {
  const p = (isvc.spec?.predictor ?? {}) as {
    model?: Record<string, unknown>;
    containers?: Array<{ name?: string; image?: string }>;
  };
  const before = predictorRevision(isvc);
  if (before === revision) return undefined;
  const isUri = /^[a-z][a-z0-9+.-]*:\/\//i.test(revision);
  if (p.model) {
    const key = isUri ? 'storageUri' : 'image';
    return {
      merge: { spec: { predictor: { model: { [key]: revision } } } },
      fields: [{ field: `spec.predictor.model.${key}`, from: before, to: revision }],
    };
  }
  if (p.containers?.length) {
    if (isUri)
      throw new UserError(
        `InferenceService ${isvc.metadata.name} runs custom containers: 'image' must be a container image, not ${revision}`,
      );
    const first = p.containers[0]!;
    return {
      ops: [
        { op: 'test', path: '/spec/predictor/containers/0/name', value: first.name },
        { op: 'replace', path: '/spec/predictor/containers/0/image', value: revision },
      ],
      fields: [{ field: `spec.predictor.containers[${first.name}].image`, from: first.image, to: revision }],
    };
  }
  throw new UserError(
    `InferenceService ${isvc.metadata.name} has neither spec.predictor.model nor containers`,
  );
}

export const DEPLOYMENT_MODE_ANNOTATION = 'serving.kserve.io/deploymentMode';

/**
 * Why `canaryTrafficPercent` would split no traffic on this InferenceService, or undefined when it
 * does. Only KServe's Knative mode (`Serverless` before KServe 0.16) keeps revisions to split
 * between; in Standard mode (`RawDeployment`) the field is ignored and the new version takes all
 * traffic at once. KServe records the mode it chose in status.deploymentMode, else the annotation
 * decides, else the cluster default, which is Standard since 0.16 (kserve.github.io, "Canary
 * Rollout Strategy": "only supported in serverless deployment mode").
 */
export function deploymentModeProblem(isvc: KubeObject): string | undefined {
  const recorded = (isvc.status as { deploymentMode?: string } | undefined)?.deploymentMode;
  const annotated = isvc.metadata.annotations?.[DEPLOYMENT_MODE_ANNOTATION];
  const mode = recorded || annotated;
  if (mode === 'Knative' || mode === 'Serverless') return undefined;
  const fix = `create it with the annotation ${DEPLOYMENT_MODE_ANNOTATION}: Knative ('Serverless' before KServe 0.16; KServe does not change the mode of an existing InferenceService), or use router 'istio' or 'gateway-api' with two Deployments`;
  const name = `InferenceService ${isvc.metadata.namespace ?? ''}${isvc.metadata.namespace ? '/' : ''}${isvc.metadata.name}`;
  if (!mode)
    return `${name} records no deployment mode (no status.deploymentMode, no ${DEPLOYMENT_MODE_ANNOTATION} annotation), and KServe's default since 0.16 is Standard, where canaryTrafficPercent splits no traffic: ${fix}`;
  return `${name} runs in KServe's ${mode} deployment mode, where canaryTrafficPercent splits no traffic (only Knative mode keeps revisions to split between): ${fix}`;
}

/**
 * A KServe InferenceService: the route object is the workload. The predictor takes the new
 * revision, `canaryTrafficPercent` splits traffic between its latest and previous revisions, and
 * KServe scales them: nothing to size, restore or scale down here.
 */
export class InferenceServiceWorkload implements Workload {
  readonly revisionOnRoute = true;

  constructor(
    private readonly router: Router,
    private readonly writer: Writer,
    /** Wait for the InferenceService's latest revision to be ready. */
    private readonly waitReady?: (name: string) => Promise<void>,
  ) {}

  async currentRevision(route: KubeObject): Promise<string> {
    const revision = predictorRevision(route);
    if (!revision)
      throw new UserError(`InferenceService ${route.metadata.name}: no predictor storageUri or image`);
    return revision;
  }

  async checkRoute(route: KubeObject): Promise<void> {
    const problem = deploymentModeProblem(route);
    if (problem) throw new UserError(problem);
  }

  async prepare(run: RolloutRun, resume: boolean): Promise<void> {
    const { router, writer } = this;
    const { revision } = run;
    // The canary share is set (0, or where a resumed run was) with or before the new revision:
    // a predictor change without canaryTrafficPercent would send it all traffic at once.
    let containers: ReturnType<typeof predictorChange>;
    await run.write(`predictor ${revision}`, run.state, (isvc) => {
      const change = predictorChange(isvc, revision);
      containers = change?.ops ? change : undefined;
      const keep = resume ? router.traffic(isvc) : { weight: 0, mirror: 0 };
      return applyMergePatch(change?.merge ?? {}, router.trafficPatch(isvc, keep));
    });
    if (containers?.ops)
      await writer.patchFields(
        router.kind,
        router.name,
        containers.ops,
        `predictor ${revision}`,
        containers.fields,
      );
    await this.waitReady?.(router.name);
  }

  async preparePromotion(): Promise<void> {}

  async sizeFor(): Promise<void> {}

  async readyForAnalysis(): Promise<void> {}

  async promote(run: RolloutRun): Promise<void> {
    await run.setTraffic(
      { weight: 0, mirror: 0 },
      'promoted',
      'promote: the latest revision takes all traffic',
      {
        promote: true,
      },
    );
    await this.waitReady?.(this.router.name);
    run.state = { ...run.state, weight: 100 };
  }

  async checkUndo(): Promise<void> {
    // The plan refuses 'action: undo' with router 'kserve'; this is the backstop.
    throw new UserError(
      `InferenceService ${this.router.name}: 'action: undo' restores a stable Deployment's image; KServe has none (roll out the previous storage URI or image instead)`,
    );
  }

  async restoreStable(): Promise<void> {}

  async scaleDown(): Promise<void> {}
}
