import { formatDuration, UserError } from '@llmops/core';
import {
  autoscalerBounds,
  autoscalerBoundsPatch,
  canaryAutoscaler,
  findAutoscaler,
  findCanaryAutoscaler,
  type Autoscaler,
} from '../autoscaler';
import { labelSelector, type KubeObject } from '../objects';
import type { RolloutConfig, RolloutDeps } from '../rollout';
import type { RolloutRun } from '../rollout/run';
import type { Traffic } from '../routers/router';
import type { UndoRecord } from '../state';
import { canaryLabels, imageOf, matchLabelsOf, type Workloads } from '../workload';
import type { Workload } from './workload';

const sortedLabels = (labels: Record<string, string>) =>
  labelSelector(Object.fromEntries(Object.entries(labels).sort()));

const podLabels = (d: KubeObject) =>
  ((d.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template
    ?.metadata?.labels ?? {}) as Record<string, string>;

/**
 * A stable and a canary Deployment behind istio, gateway-api or a plain Service. The canary is
 * sized for its share of traffic (blue-green on a Service: at full size, since the switch sends it
 * everything); promotion gives the stable Deployment the new image, then returns traffic to it.
 */
export class DeploymentsWorkload implements Workload {
  readonly revisionOnRoute = false;
  private readonly stableName: string;
  private readonly canaryName: string;
  private readonly workloads: Workloads;
  /** A plain Service switches all traffic at once (weight 0 or 100). */
  private readonly blueGreen: boolean;
  /** The stable's HPA or ScaledObject (null: it has none), looked up once per run. */
  private stableScaler?: Autoscaler | null;

  constructor(
    private readonly config: RolloutConfig,
    private readonly deps: RolloutDeps,
  ) {
    if (!config.stableDeployment || !config.canaryDeployment || !deps.workloads)
      throw new UserError(
        `router '${config.router}' needs 'stable-deployment' and 'canary-deployment': the stable Deployment takes the new image on promotion`,
      );
    this.stableName = config.stableDeployment;
    this.canaryName = config.canaryDeployment;
    this.workloads = deps.workloads;
    this.blueGreen = config.router === 'service';
  }

  async currentRevision(): Promise<string> {
    const { writer } = this.deps;
    const canary = await writer.find('Deployment', this.canaryName);
    const image = canary && imageOf(canary);
    if (!image)
      throw new UserError(
        `no 'image' given and Deployment ${writer.namespace}/${this.canaryName} does not exist: give 'image'`,
      );
    return image;
  }

  /**
   * Blue-green: before the switch the Service must send nothing to the canary's pods, and switching
   * back restores the stable Deployment's matchLabels: so the Service's selector must be exactly those.
   */
  async checkRoute(route: KubeObject, switched: boolean): Promise<void> {
    if (!this.blueGreen || switched) return;
    const { writer } = this.deps;
    const selector = (route.spec?.selector ?? {}) as Record<string, string>;
    const stable = await writer.get('Deployment', this.stableName);
    const want = matchLabelsOf(stable);
    if (sortedLabels(selector) === sortedLabels(want)) return;
    const canary = await writer.find('Deployment', this.canaryName);
    const canaryPods = canary
      ? podLabels(canary)
      : canaryLabels(this.stableName, this.canaryName, podLabels(stable));
    const selectsCanary = Object.entries(selector).every(([k, v]) => canaryPods[k] === v);
    throw new UserError(
      `Service ${writer.namespace}/${route.metadata.name} selects '${sortedLabels(selector)}', not the stable Deployment's matchLabels '${sortedLabels(want)}'${selectsCanary ? ": it would send live traffic to the canary's pods before any analysis" : ''}; set its selector to exactly '${sortedLabels(want)}' before a blue-green rollout`,
    );
  }

  async prepare(run: RolloutRun, resume: boolean): Promise<void> {
    await run.write(resume ? `rollout of ${run.revision} resumed` : `rollout of ${run.revision} started`);
    await this.workloads.prepareCanary(this.stableName, this.canaryName, this.config.image);
  }

  async preparePromotion(image: string | undefined): Promise<void> {
    if (image) await this.workloads.prepareCanary(this.stableName, this.canaryName, image);
  }

  /** The canary's count for `percent` of traffic, from the count the stable has now (its autoscaler's choice, if any). */
  private async canaryReplicas(percent: number): Promise<number> {
    const stable = await this.deps.writer.get('Deployment', this.stableName);
    const replicas = ((stable.spec as { replicas?: number })?.replicas ?? 1) || 1;
    return Math.max(1, Math.ceil((replicas * percent) / 100));
  }

  private async stableAutoscaler(): Promise<Autoscaler | undefined> {
    if (this.stableScaler === undefined) {
      const found = await findAutoscaler(this.deps.writer, this.stableName);
      this.stableScaler = found ?? null;
      if (found)
        this.deps.log(
          `Deployment ${this.deps.writer.namespace}/${this.stableName} is scaled by ${found.kind} ${found.object.metadata.name} (${found.min}–${found.max} replicas): its replica count is left to it; the canary gets a ${found.kind} of its own for each step's share`,
        );
    }
    return this.stableScaler ?? undefined;
  }

  /**
   * The canary sized for `share`% before it gets that traffic, and ready. With an autoscaled stable
   * the canary's count is its own autoscaler's: created (a copy of the stable's) once the canary
   * has its first pods, its minimum then raised at each step from the stable's count at that time.
   */
  private async sizeCanary(run: RolloutRun, share: number, reason: string): Promise<void> {
    await run.ensureOwn();
    const { writer } = this.deps;
    const replicas = await this.canaryReplicas(share);
    const scaler = await this.stableAutoscaler();
    const own = scaler && (await findCanaryAutoscaler(writer, this.canaryName));
    if (!scaler || !own) await this.workloads.scaleUp(this.canaryName, replicas, reason);
    if (scaler) {
      const max = Math.max(replicas, Math.ceil((scaler.max * share) / 100));
      const bounds = `${replicas}–${max} replicas`;
      if (!own) {
        // An HPA leaves a Deployment at 0 replicas alone: the canary has its first pods before it.
        await writer.create(
          scaler.kind,
          canaryAutoscaler(scaler, this.stableName, this.canaryName, replicas, max),
          `${reason}: the canary's own ${scaler.kind}, ${bounds}`,
          [
            { field: 'copied from', to: `${scaler.kind} ${scaler.object.metadata.name}` },
            { field: 'spec.scaleTargetRef.name', to: this.canaryName },
            { field: 'replicas', to: bounds },
          ],
        );
      } else {
        await writer.update(own.kind, this.canaryName, `${reason}: ${bounds}`, (o) => {
          const now = autoscalerBounds(own.kind, o);
          return now.min === replicas && now.max === max
            ? undefined
            : autoscalerBoundsPatch(own.kind, replicas, max);
        });
        await this.workloads.waitReady(this.canaryName, replicas);
      }
    }
    run.ctx.recordPodStarts(await this.workloads.podStarts(this.canaryName));
  }

  async sizeFor(run: RolloutRun, traffic: Traffic): Promise<void> {
    const share = Math.max(traffic.weight, traffic.mirror);
    await this.sizeCanary(run, this.blueGreen ? 100 : share, `canary sized for ${share}% of traffic`);
  }

  async readyForAnalysis(run: RolloutRun): Promise<void> {
    if (!this.blueGreen || run.state.weight >= 100) return;
    // Blue-green analyses the new Deployment before the switch: at full size, ready.
    await this.sizeCanary(run, 100, 'canary at full size for the analysis before the switch');
  }

  async promote(run: RolloutRun): Promise<void> {
    const { writer } = this.deps;
    const canary = await writer.find('Deployment', this.canaryName);
    const image = this.config.image ?? (canary && imageOf(canary)) ?? run.revision;
    const stable = await writer.get('Deployment', this.stableName);
    const previous = imageOf(stable, image);
    // What the stable ran before this promotion (a resumed one recorded it before changing it).
    const before = run.state.stableImage ?? (previous !== image ? previous : undefined);
    if (previous && previous !== image && !run.state.stableImage) {
      // Recorded before the stable changes: a promotion that fails from here on restores it.
      run.state = { ...run.state, stableImage: previous };
      await run.write(`promote: stable ${this.stableName} was ${previous}`);
    } else await run.ensureOwn();
    await this.workloads.setImage(this.stableName, image, `promote: stable takes ${image}`);
    await this.workloads.waitReady(this.stableName);
    run.state = {
      ...run.state,
      stableImage: undefined,
      // An image left as it was is no promotion to undo: the last one that changed it stays recorded.
      ...(before ? { undo: { image: before, promoted: image, at: run.ctx.now() } } : {}),
    };
    await run.setTraffic({ weight: 0, mirror: 0 }, 'promoted', 'promote: all traffic to stable', {
      promote: true,
    });
    await this.scaleDown();
  }

  async checkUndo(undo: UndoRecord): Promise<void> {
    const { writer } = this.deps;
    const now = imageOf(await writer.get('Deployment', this.stableName), undo.promoted);
    if (now !== undo.promoted && now !== undo.image)
      throw new UserError(
        `Deployment ${writer.namespace}/${this.stableName} runs ${now ?? 'no image'}, not ${undo.promoted} as the last promotion (${undo.at}) left it: it changed since, so 'action: undo' leaves it alone`,
      );
  }

  async restoreStable(run: RolloutRun, guard: boolean): Promise<void> {
    const previous = run.state.stableImage;
    if (!previous) return;
    const { writer } = this.deps;
    const stable = await writer.get('Deployment', this.stableName);
    if (imageOf(stable, previous) !== previous) {
      if (guard) await run.ensureOwn();
      this.deps.log(
        `restoring Deployment ${writer.namespace}/${this.stableName} to ${previous}: the canary keeps its traffic until it is ready`,
      );
      await this.workloads.setImage(this.stableName, previous, `rollback: stable back to ${previous}`);
    }
    await this.workloads.waitReady(this.stableName);
    run.state = { ...run.state, stableImage: undefined };
  }

  async scaleDown(): Promise<void> {
    const { config, deps } = this;
    if (config.scaleDownDelayMs > 0 && !deps.writer.dryRun) {
      deps.log(
        `scaling the canary down in ${formatDuration(config.scaleDownDelayMs)} (in-flight requests finish)`,
      );
      try {
        await deps.clock.sleep(config.scaleDownDelayMs, deps.signal);
      } catch {
        // cancelled during the grace period: scale down now
      }
    }
    // The canary's autoscaler goes first: a count it owns is not ours to write.
    const own = await findCanaryAutoscaler(deps.writer, this.canaryName);
    if (own)
      await deps.writer.delete(
        own.kind,
        this.canaryName,
        "canary's autoscaler removed: the canary leaves service",
      );
    await this.workloads.scaleTo(this.canaryName, 0, 'canary scaled to zero');
  }
}
