import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import type { FakeKube, KubeObject } from '../helpers/fake-kube';
import { FakeGitHub } from '../helpers/github-api';
import { PrometheusServer, VllmExporter } from '../helpers/prometheus';
import { fakeKube } from '../kube/fixtures';
import { fakeTrivy, misconfigurations, trivyReport } from '../trivy/reports';
import { actionStandIns } from './action-stand-ins';
import { commandStandIns, type Images } from './command-stand-ins';
import { goodModel, type Behaviour } from './models';
import type { RunOptions, StepOverride } from './runner';
import { starterTemplate, type UserRepo } from './user-repo';

// Everything outside the repository that the starter workflows talk to: GitHub's API (sticky
// comments, check runs), the eval, staging and production model endpoints (the project's test
// server), the clusters (the fake Kubernetes API server, one namespace per environment), a real
// Prometheus scraping the stable and canary pods' vLLM metrics, and the image registry.

export const OWNER = 'Acme';
export const REPOSITORY = 'acme/llm-app';
const release = starterTemplate('llmops-release.yml');
export const STAGING = String(release.env?.STAGING_NAMESPACE);
export const PRODUCTION = String(release.env?.PRODUCTION_NAMESPACE);
/** What production ran before this pipeline's first release (installed by hand, README step 5). */
export const PREVIOUS_IMAGE = 'ghcr.io/acme/llm-server:1.0.0';

/** Requests per scrape over both tracks; the canary gets its route weight's share. */
const TRAFFIC = 100;

export interface Models {
  eval: Behaviour;
  staging: Behaviour;
  production: Behaviour;
  /** The canary's pods in production, as the shadow stage reaches them directly (CANDIDATE_LLM_URL). */
  candidate: Behaviour;
}

export class World {
  github!: FakeGitHub;
  kube!: FakeKube;
  prometheus?: PrometheusServer;
  readonly endpoints: Partial<Record<keyof Models, TestServer>> = {};
  readonly models: Models = {
    eval: goodModel,
    staging: goodModel,
    production: goodModel,
    candidate: goodModel,
  };
  readonly images: Images = { local: new Map(), registry: new Map() };
  private readonly exporters = {
    stable: new VllmExporter({ stable: { requests: TRAFFIC, ttft: 0.2 } }),
    canary: new VllmExporter({ canary: { requests: 0, ttft: 0.2 } }),
  };
  /** The canary weights production's route went through, change by change (from 0). */
  readonly canaryWeights: number[] = [];
  /** The canary pods' typical time to first token, seconds. */
  canaryTtft = 0.2;

  async start(model: string): Promise<this> {
    this.github = await new FakeGitHub().start();
    for (const name of ['eval', 'staging', 'production', 'candidate'] as const)
      this.endpoints[name] = await startTestServer({
        models: [model],
        answer: (body) => this.models[name](body),
        // The shadow stage compares the two production endpoints' latencies: a steady first-token
        // delay keeps the paired ratio near 1, not the noise of a sub-millisecond answer.
        ...(name === 'production' || name === 'candidate' ? { latencyMs: 20 } : {}),
      });
    this.kube = fakeKube();
    await this.kube.start();
    this.kube.onChange((object, kind) => {
      if (kind !== 'VirtualService' || object.metadata.namespace !== PRODUCTION) return;
      const weight = canaryWeight(object);
      if (weight !== (this.canaryWeights.at(-1) ?? 0)) this.canaryWeights.push(weight);
      this.follow(weight, mirrorPercent(object));
    });
    for (const exporter of Object.values(this.exporters)) await exporter.start();
    this.prometheus = await new PrometheusServer(
      (['stable', 'canary'] as const).map((track) => ({
        target: this.exporters[track].host,
        labels: { namespace: PRODUCTION, track },
      })),
    ).start();
    await this.prometheus.waitFor(
      `sum(rate(vllm:time_to_first_token_seconds_count{track="stable"}[5s])) > 0`,
    );
    return this;
  }

  async stop(): Promise<void> {
    await this.prometheus?.stop();
    for (const exporter of Object.values(this.exporters)) await exporter.stop();
    for (const endpoint of Object.values(this.endpoints)) await endpoint.stop();
    await this.kube?.stop();
    await this.github?.stop();
  }

  /** Production traffic follows the route: the canary serves its weight's share, plus a mirrored copy. */
  private follow(weight: number, mirror: number): void {
    const canary = Math.round((TRAFFIC * weight) / 100);
    const mirrored = Math.round((TRAFFIC * mirror) / 100);
    this.exporters.canary.set('canary', { requests: canary + mirrored, ttft: this.canaryTtft });
    this.exporters.stable.set('stable', { requests: TRAFFIC - canary, ttft: 0.2 });
  }

  kubeconfigFile(namespace: string): string {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kubeconfig-')), 'config');
    writeFileSync(file, this.kube.kubeconfig(namespace));
    return file;
  }

  /** README step 5: production installed once by hand, from the repository's deploy/k8s, at the previous image. */
  async installProduction(repo: UserRepo): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'install-'));
    cpSync(path.join(repo.dir, 'deploy/k8s'), dir, { recursive: true });
    const commands = commandStandIns(this.images);
    const env = { KUBECONFIG: this.kubeconfigFile(PRODUCTION) };
    for (const args of [
      ['edit', 'set', 'image', `llm-server=${PREVIOUS_IMAGE}`],
      ['apply', '-k', '.', '--namespace', PRODUCTION],
    ]) {
      const command = args[0] === 'edit' ? commands.kustomize! : commands.kubectl!;
      const result = await command({ args, cwd: dir, env, stdin: '' });
      if (result.code !== 0) throw new Error(`installing production failed: ${result.stderr}`);
    }
  }

  /** What a run of either workflow gets: variables, secrets, environments and stand-ins. */
  runOptions(repo: UserRepo): Omit<RunOptions, 'workflow' | 'github'> {
    const trivy = {
      image: fakeTrivy(trivyReport({ name: 'ghcr.io/acme/llm-server', type: 'container_image' }, [])),
      // The reference Dockerfile passes Trivy's checks (USER, HEALTHCHECK, pinned base).
      config: fakeTrivy(
        trivyReport({ name: '.', type: 'repository' }, [
          misconfigurations('Dockerfile', 'dockerfile', [
            {
              id: 'DS002',
              avdId: 'AVD-DS-0002',
              title: 'Image user should not be root',
              severity: 'HIGH',
              status: 'PASS',
            },
            {
              id: 'DS026',
              avdId: 'AVD-DS-0026',
              title: 'No HEALTHCHECK defined',
              severity: 'LOW',
              status: 'PASS',
            },
          ]),
        ]),
      ),
    };
    return {
      vars: { LLM_EVAL_URL: this.endpoints.eval!.url },
      secrets: { LLM_EVAL_API_KEY: 'sk-eval-key' },
      environments: {
        staging: {
          vars: { STAGING_LLM_URL: this.endpoints.staging!.url },
          secrets: { KUBECONFIG: this.kube.kubeconfig(STAGING), LLM_API_KEY: 'sk-staging-key' },
        },
        production: {
          vars: {
            PROMETHEUS_URL: this.prometheus!.url,
            PRODUCTION_LLM_URL: this.endpoints.production!.url,
            CANDIDATE_LLM_URL: this.endpoints.candidate!.url,
          },
          secrets: {
            KUBECONFIG: this.kube.kubeconfig(PRODUCTION),
            PROMETHEUS_TOKEN: 'prom-token',
            LLM_API_KEY: 'sk-production-key',
          },
        },
      },
      actions: actionStandIns(repo.dir, this.images),
      commands: commandStandIns(this.images),
      env: { GITHUB_API_URL: this.github.url },
      overrides: testSpeedOverrides(trivy),
    };
  }
}

/**
 * The step inputs a test must change in the workflows init wrote, each with why (the other one,
 * deploy/k8s/checks.yml's windows, is in user-repo.ts). Every job still runs.
 */
function testSpeedOverrides(trivy: Record<'image' | 'config', ReturnType<typeof fakeTrivy>>): StepOverride[] {
  const fakeTrivyFor = (job: string, scan: 'image' | 'config'): StepOverride => ({
    job,
    step: 'trivy-wrap',
    with: { 'trivy-path': trivy[scan].bin },
    env: trivy[scan].env,
    because: `Trivy is not downloaded in tests: a stand-in executable reports a clean ${scan} scan`,
  });
  return [
    fakeTrivyFor('image', 'config'),
    fakeTrivyFor('scan', 'image'),
    ...['shadow', 'production'].map((job) => ({
      job,
      step: 'canary-step',
      with: { 'bake-time': '10s', interval: '1s', count: '2', 'scale-down-delay': '0s', timeout: '60s' },
      because:
        'bake 5m, 5 analyses a minute apart, a 30 s scale-down delay and 20-minute readiness waits, in seconds',
    })),
  ];
}

export function mirrorPercent(vs: KubeObject): number {
  const http = (vs.spec?.http ?? []) as Array<{ mirror?: unknown; mirrorPercentage?: { value?: number } }>;
  return http[0]?.mirror ? (http[0].mirrorPercentage?.value ?? 100) : 0;
}

export function canaryWeight(vs: KubeObject): number {
  const http = (vs.spec?.http ?? []) as Array<{
    route: Array<{ destination: { subset?: string }; weight?: number }>;
  }>;
  return http[0]?.route.find((d) => d.destination.subset === 'canary')?.weight ?? 0;
}
