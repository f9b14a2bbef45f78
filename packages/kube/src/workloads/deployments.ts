import { formatDuration, UserError } from '@llmops/core';
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

  private async canaryReplicas(percent: number): Promise<number> {
    const stable = await this.deps.writer.get('Deployment', this.stableName);
    const replicas = ((stable.spec as { replicas?: number })?.replicas ?? 1) || 1;
    return Math.max(1, Math.ceil((replicas * percent) / 100));
  }

  async sizeFor(run: RolloutRun, traffic: Traffic): Promise<void> {
    const share = Math.max(traffic.weight, traffic.mirror);
    await run.ensureOwn();
    await this.workloads.scaleUp(
      this.canaryName,
      await this.canaryReplicas(this.blueGreen ? 100 : share),
      `canary sized for ${share}% of traffic`,
    );
  }

  async readyForAnalysis(run: RolloutRun): Promise<void> {
    if (!this.blueGreen || run.state.weight >= 100) return;
    // Blue-green analyses the new Deployment before the switch: at full size, ready.
    await run.ensureOwn();
    await this.workloads.scaleUp(
      this.canaryName,
      await this.canaryReplicas(100),
      'canary at full size for the analysis before the switch',
    );
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
    await this.workloads.scaleTo(this.canaryName, 0, 'canary scaled to zero');
  }
}
