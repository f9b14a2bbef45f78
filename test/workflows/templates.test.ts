import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import { canaryLabels } from '@llmops/kube';
import { parseDuration } from '@llmops/core';
import { parseChecks } from '@llmops/prom';
import { parse, parseAllDocuments } from 'yaml';
import {
  actionMetadata,
  excessPermissions,
  parseWorkflow,
  prTargetCheckouts,
  readTemplate,
  SAME_REPO,
  templateFiles,
  templatesDir,
  undeclaredInputs,
  unguardedSecrets,
  unpinned,
  type Job,
  type Step,
} from './review';

const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8';

function step(job: Job, uses: string): Step {
  const found = (job.steps ?? []).find((s) => s.uses?.startsWith(uses));
  if (!found) throw new Error(`no step uses ${uses}`);
  return found;
}

const withOf = (s: Step) => (s.with ?? {}) as Record<string, string>;
const needsOf = (job: Job) => [job.needs ?? []].flat();

/** A glob with `*` only (what merge-reports is given here) as a RegExp. */
function globRegExp(glob: string): RegExp {
  const escape = (part: string) => part.replace(/[.+?^$()|[\]{}\\]/g, '\\$&');
  return new RegExp('^' + glob.split('*').map(escape).join('[^/]*') + '$');
}

describe('reviewer checks catch what they look for', () => {
  const workflow = (jobs: string, on = 'push') => `on: ${on}\npermissions: {}\njobs:\n${jobs}`;

  it('flags tags, short SHAs and pins without a version comment', () => {
    const text = workflow(`  a:
    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@0057852
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
      - uses: ${CHECKOUT} # v5.0.0
      - uses: llmops-dev/llmops/actions/metric-gate@v1
      - uses: ./local-action
`);
    expect(unpinned(text)).toEqual([
      'a: actions/checkout@v4 is not pinned to a 40-hex commit SHA',
      'a: actions/cache@0057852 is not pinned to a 40-hex commit SHA',
      "a: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 has no '# vX.Y.Z' comment naming its version",
    ]);
  });

  it('flags missing, broad and unused write permissions', () => {
    const problems = excessPermissions(
      parseWorkflow(`on: push
permissions: write-all
jobs:
  none: { runs-on: x, steps: [{ run: 'true' }] }
  broad: { runs-on: x, permissions: write-all, steps: [{ run: 'true' }] }
  contents: { runs-on: x, permissions: { contents: write }, steps: [{ run: 'true' }] }
  comment-on-push:
    runs-on: x
    permissions: { pull-requests: write, security-events: write }
    steps: [{ uses: 'llmops-dev/llmops/actions/llm-quality-gate@v1' }]
`),
    );
    expect(problems).toEqual([
      'workflow: top-level permissions grant "write-all"; grant per job',
      'none: no permissions block',
      'broad: permissions: write-all',
      "contents: 'contents: write' is not used by any step",
      "comment-on-push: 'pull-requests: write' is not used by any step",
      "comment-on-push: 'security-events: write' is not used by any step",
    ]);
  });

  it("flags a pull_request_target job that checks out the pull request's head", () => {
    const w = parseWorkflow(
      workflow(
        `  a:
    runs-on: x
    steps:
      - uses: ${CHECKOUT}
        with: { ref: '\${{ github.event.pull_request.head.sha }}' }
`,
        'pull_request_target',
      ),
    );
    expect(prTargetCheckouts(w)).toHaveLength(1);
  });

  it('flags secrets on pull requests without the same-repository guard', () => {
    const w = parseWorkflow(
      workflow(
        `  a: { runs-on: x, steps: [{ run: 'curl -H "$K"', env: { K: '\${{ secrets.KEY }}' } }] }
  b: { runs-on: x, if: "${SAME_REPO}", steps: [{ run: 'true', env: { K: '\${{ secrets.KEY }}' } }] }
  c: { runs-on: x, steps: [{ run: 'true', env: { K: '\${{ secrets.GITHUB_TOKEN }}' } }] }
  d: { runs-on: x, if: "${SAME_REPO} || true", steps: [{ run: 'true', env: { K: '\${{ secrets.KEY }}' } }] }
  e: { runs-on: x, if: "\${{ ${SAME_REPO} && !cancelled() }}", steps: [{ run: 'true', env: { K: '\${{ secrets.KEY }}' } }] }
`,
        'pull_request',
      ),
    );
    expect(unguardedSecrets(w)).toEqual([
      `a: reads secrets on pull requests without 'if: ${SAME_REPO}'`,
      `d: reads secrets on pull requests without 'if: ${SAME_REPO}'`,
    ]);
  });

  it('flags inputs an action does not declare and required inputs left out', () => {
    const w = parseWorkflow(
      workflow(`  a:
    runs-on: x
    steps:
      - uses: llmops-dev/llmops/actions/llm-quality-gate@v1
        with: { min_score: '0.9', shard: 1/2 }
      - uses: llmops-dev/llmops/actions/metric-gate@v1
        with: { checks: checks.yml }
      - uses: llmops-dev/llmops@v1
        with: { command: trivy-wrap, suites: x, target: img }
`),
    );
    expect(undeclaredInputs(w)).toEqual([
      "a: llm-quality-gate has no input 'min_score'",
      "a: metric-gate needs input 'prometheus-url'",
      "a: trivy-wrap has no input 'suites'",
    ]);
  });
});

describe.each(templateFiles())('%s', (file) => {
  const { text, workflow } = readTemplate(file);

  it('pins every third-party action to a commit SHA with its version', () => {
    expect(unpinned(text)).toEqual([]);
  });

  it('grants each job only the permissions its steps use', () => {
    expect(excessPermissions(workflow)).toEqual([]);
  });

  it('never runs pull-request code with secrets', () => {
    expect(prTargetCheckouts(workflow)).toEqual([]);
    expect(unguardedSecrets(workflow)).toEqual([]);
  });

  it('passes llmops actions only inputs their action.yml declares', () => {
    expect(undeclaredInputs(workflow)).toEqual([]);
  });

  it('has a properties file in GitHub starter-workflow format', () => {
    const propsFile = path.join(templatesDir, file.replace(/\.ya?ml$/, '.properties.json'));
    expect(existsSync(propsFile)).toBe(true);
    const props = JSON.parse(readFileSync(propsFile, 'utf8'));
    expect(typeof props.name).toBe('string');
    expect(props.name.length).toBeGreaterThan(0);
    expect(typeof props.description).toBe('string');
    expect(props.description.length).toBeGreaterThan(0);
    // An octicon, or an SVG next to the workflow.
    if (!/^octicon [a-z0-9-]+$/.test(props.iconName))
      expect(existsSync(path.join(templatesDir, `${props.iconName}.svg`))).toBe(true);
    expect(props.categories.length).toBeGreaterThan(0);
    for (const c of props.categories) expect(typeof c).toBe('string');
    for (const p of props.filePatterns) expect(() => new RegExp(p)).not.toThrow();
  });
});

it('every properties file belongs to a workflow template', () => {
  const props = readdirSync(templatesDir).filter((f) => f.endsWith('.properties.json'));
  expect(props.length).toBe(templateFiles().length);
  for (const p of props) expect(templateFiles()).toContain(p.replace('.properties.json', '.yml'));
});

const manifestsDir = path.join(templatesDir, 'manifests');
const manifest = (file: string) => parse(readFileSync(path.join(manifestsDir, file), 'utf8'));
const deployment = () => manifest('base/server/deployment.yaml');

describe('llmops-pr-checks.yml', () => {
  const { workflow } = readTemplate('llmops-pr-checks.yml');
  const { quality, 'quality-merge': merge, prompts, safety } = workflow.jobs as Record<string, Job>;

  it('runs on pull_request, never pull_request_target, for every base branch as copied', () => {
    expect(workflow.on).toEqual({ pull_request: null });
  });

  it('builds the image and scans the Dockerfile and manifests for misconfigurations before merge', () => {
    const image = (workflow.jobs as Record<string, Job>).image!;
    expect(image.if).toBeUndefined(); // no secrets: fork pull requests get it too
    expect(step(image, 'docker/build-push-action@').with?.push).toBe(false);
    const trivy = withOf(step(image, 'llmops-dev/llmops/actions/trivy-wrap@'));
    expect(trivy['scan-type']).toBe('config');
    expect(trivy.target).toBe('.');
    expect(withOf(step(image, 'github/codeql-action/upload-sarif@')).sarif_file).toBe(trivy['sarif-path']);
  });

  it('needs no models file and gates on the built-in smoke suite beside the repository’s suites', () => {
    expect(withOf(step(prompts!, 'llmops-dev/llmops/actions/validate-prompts@'))).not.toHaveProperty(
      'models-file',
    );
    const suites = withOf(step(quality!, 'llmops-dev/llmops/actions/llm-quality-gate@')).suites!.split('\n');
    expect(suites).toEqual(expect.arrayContaining(['builtin:smoke', '**/*.prompt.yml', '**/*.eval.yml']));
  });

  it('calls the model only from jobs that skip fork pull requests', () => {
    for (const job of [quality!, safety!]) expect(job.if).toBe(SAME_REPO);
  });

  it('fails the required merge job on fork pull requests instead of skipping it (a skipped required check passes)', () => {
    expect(merge!.if).toBe('${{ !cancelled() }}');
    const first = merge!.steps![0]!;
    expect(first.if).toBe("needs.quality.result == 'skipped'");
    expect(first.run).toMatch(
      /::error::the quality gate did not run: pull requests from forks get no eval key/,
    );
    expect(first.run).toMatch(/exit 1/);
  });

  it('shards the quality gate 1..n and merges every shard report into one verdict', () => {
    const shards = quality!.strategy!.matrix!.shard as number[];
    const n = shards.length;
    expect(shards).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const gate = withOf(step(quality!, 'llmops-dev/llmops/actions/llm-quality-gate@'));
    expect(gate.shard).toBe(`\${{ matrix.shard }}/${n}`);
    expect(gate.comment).toBe(false);
    expect(needsOf(merge!)).toEqual(['quality']);
    const merged = withOf(step(merge!, 'llmops-dev/llmops/actions/llm-quality-gate@'));
    const isShardReport = globRegExp(merged['merge-reports']!);
    for (const i of shards)
      expect(isShardReport.test(gate['report-path']!.replace('${{ matrix.shard }}', String(i)))).toBe(true);
    // The merge job refuses to judge with a shard missing.
    expect(merge!.steps!.some((s) => s.run?.includes(`-ne ${n}`))).toBe(true);
  });

  it('persists the response cache where the quality gate keeps it, keyed by model', () => {
    const cache = withOf(step(quality!, 'actions/cache@'));
    const gate = withOf(step(quality!, 'llmops-dev/llmops/actions/llm-quality-gate@'));
    expect(cache.path).toBe(gate['cache-dir']);
    expect(cache.key).toContain('${{ env.MODEL }}');
  });

  it("compares with the base branch, which needs the base branch's history", () => {
    const gate = withOf(step(quality!, 'llmops-dev/llmops/actions/llm-quality-gate@'));
    expect(gate.baseline).toBe('base-ref');
    expect(withOf(step(quality!, 'actions/checkout@'))['fetch-depth']).toBe(0);
  });

  it('uploads the SARIF file validate-prompts writes', () => {
    const lint = withOf(step(prompts!, 'llmops-dev/llmops/actions/validate-prompts@'));
    expect(withOf(step(prompts!, 'github/codeql-action/upload-sarif@')).sarif_file).toBe(lint['sarif-path']);
  });

  it('evaluates the model the reference Deployment serves', () => {
    expect(deployment().spec.template.spec.containers[0].args).toContain(`--model=${workflow.env!.MODEL}`);
  });
});

describe('llmops-release.yml', () => {
  const { workflow } = readTemplate('llmops-release.yml');
  const jobs = workflow.jobs as Record<string, Job>;
  const canary = withOf(step(jobs.production!, 'llmops-dev/llmops/actions/canary-step@'));
  const shadowCanary = withOf(step(jobs.shadow!, 'llmops-dev/llmops/actions/canary-step@'));
  const rolloutSteps = () => parse(workflow.env!.ROLLOUT_STEPS!) as Array<Record<string, unknown>>;

  it('releases on pushes to the default branch, as copied too, and takes promote, rollback or undo by hand', () => {
    const on = workflow.on as Record<
      string,
      { branches?: string[]; inputs?: Record<string, { options: string[] }> } | null
    >;
    // Copied by hand, `$default-branch` would be a branch of that name: every branch triggers,
    // and the build job (which every other push job needs) keeps to the default one.
    expect(on.push).toBeNull();
    expect(jobs.build!.if).toBe(
      "github.event_name == 'push' && github.ref_name == github.event.repository.default_branch",
    );
    const options = on.workflow_dispatch!.inputs!.action!.options;
    expect(options.sort()).toEqual(['promote', 'rollback', 'undo']);
    const manual = withOf(step(jobs.manual!, 'llmops-dev/llmops/actions/canary-step@'));
    expect(manual.action).toBe('${{ inputs.action }}');
    expect(actionMetadata('canary-step').inputs.action!.description).toMatch(/promote.*rollback/);
  });

  it('gives the image-pushing job packages: write and nothing else to write', () => {
    expect(jobs.build!.permissions).toEqual({ contents: 'read', packages: 'write' });
    const writers = Object.entries(jobs).filter(([, j]) =>
      Object.values(j.permissions as object).includes('write'),
    );
    expect(Object.fromEntries(writers.map(([n, j]) => [n, j.permissions]))).toEqual({
      build: { contents: 'read', packages: 'write' },
      scan: { contents: 'read', packages: 'read', 'security-events': 'write' },
    });
  });

  it('builds, scans, tests on staging, shadows beside production, then rolls out, in that order', () => {
    expect(needsOf(jobs.scan!)).toEqual(['build']);
    expect(needsOf(jobs.staging!)).toEqual(expect.arrayContaining(['scan']));
    expect(needsOf(jobs.shadow!)).toEqual(expect.arrayContaining(['staging']));
    expect(needsOf(jobs.production!)).toEqual(expect.arrayContaining(['shadow']));
    expect(step(jobs.build!, 'docker/build-push-action@').with?.push).toBe(true);
    expect(withOf(step(jobs.scan!, 'llmops-dev/llmops/actions/trivy-wrap@')).target).toBe(
      '${{ needs.build.outputs.image }}',
    );
    expect(canary.image).toBe('${{ needs.build.outputs.image }}');
    expect(jobs.build!.outputs!.image).toContain('@${{ steps.build.outputs.digest }}');
  });

  it("caches Trivy's database where trivy-wrap reads it and uploads its SARIF", () => {
    const trivy = withOf(step(jobs.scan!, 'llmops-dev/llmops/actions/trivy-wrap@'));
    expect(withOf(step(jobs.scan!, 'actions/cache@')).path).toBe(
      `\${{ github.workspace }}/${trivy['cache-dir']}`,
    );
    expect(trivy['skip-db-update']).toBe("${{ steps.trivy-db.outputs.cache-hit == 'true' }}");
    expect(withOf(step(jobs.scan!, 'github/codeql-action/upload-sarif@')).sarif_file).toBe(
      trivy['sarif-path'],
    );
  });

  it('gates production on people, never runs two rollouts at once, and lets a rollback through', () => {
    for (const job of [jobs.shadow!, jobs.production!, jobs.manual!])
      expect(job.environment).toBe('production');
    for (const job of [jobs.shadow!, jobs.production!])
      expect(job.concurrency).toEqual({ group: 'llmops-production', 'cancel-in-progress': false });
    // a manual rollback must not queue behind the rollout it stops (that rollout then finds itself superseded)
    expect(jobs.manual!.concurrency).toEqual({
      group: 'llmops-production-manual',
      'cancel-in-progress': false,
    });
    expect(jobs.production!.if ?? '').not.toContain('workflow_dispatch');
    expect(jobs.manual!.if).toBe("github.event_name == 'workflow_dispatch'");
  });

  it('gives production jobs more time than their worst-case waits', () => {
    const minutes = (text: string) => parseDuration(text)! / 60_000;
    const worst = (w: Record<string, string>, steps: number) => {
      const ready = minutes(w.timeout!);
      const perStep = ready + minutes(w['bake-time']!) + Number(w.count) * minutes(w.interval!);
      // each step waits for the canary; the promotion for the stable, and on failure its restore
      return steps * perStep + 2 * ready + minutes(w['scale-down-delay']!);
    };
    // The production job's steps are those after the shadow job's hold.
    const steps = rolloutSteps();
    const afterHold = steps.slice(steps.findIndex((s) => s.pause === 'hold') + 1);
    expect(jobs.production!['timeout-minutes']).toBeGreaterThan(worst(canary, afterHold.length));
    expect(jobs.shadow!['timeout-minutes']).toBeGreaterThan(
      worst({ ...shadowCanary, 'scale-down-delay': '0s' }, 1),
    );
    const manual = withOf(step(jobs.manual!, 'llmops-dev/llmops/actions/canary-step@'));
    expect(jobs.manual!['timeout-minutes']).toBeGreaterThan(
      worst({ ...manual, 'bake-time': '0s', count: '0', interval: '0s' }, 0),
    );
  });

  it('hands the staging kubeconfig to the deploy step only', () => {
    const staging = jobs.staging!;
    const holders = (staging.steps ?? []).filter((s) => JSON.stringify(s).includes('secrets.KUBECONFIG'));
    expect(holders.map((s) => s.name)).toEqual(['Deploy']);
    expect(JSON.stringify(staging)).not.toMatch(/KUBECONFIG[^"]*GITHUB_ENV/);
    expect(staging.env ?? {}).not.toHaveProperty('KUBECONFIG');
  });

  it('shadows with a 20% mirror, holds, then rolls out in 10/50/100 steps: one rollout over two jobs', () => {
    expect(rolloutSteps()).toEqual([
      { mirror: 20 },
      { pause: 'hold' },
      { weight: 10 },
      { weight: 50 },
      { weight: 100 },
    ]);
    expect(canary.steps).toBe('${{ env.ROLLOUT_STEPS }}');
    // The production job resumes the shadow job's rollout: the same route, image and steps.
    for (const input of [
      'router',
      'route',
      'stable-backend',
      'canary-backend',
      'stable-deployment',
      'canary-deployment',
      'image',
      'steps',
      'checks',
    ])
      expect([input, shadowCanary[input]]).toEqual([input, canary[input]]);
    const compare = withOf(step(jobs.shadow!, 'llmops-dev/llmops/actions/llm-quality-gate@'));
    expect(compare['compare-base-url']).toBe('${{ vars.PRODUCTION_LLM_URL }}');
    expect(compare['base-url']).toBe('${{ vars.CANDIDATE_LLM_URL }}');
    expect(compare['max-ttft-increase']).toBeDefined();
  });

  it('rolls out gated on the checks file, against the reference manifests', () => {
    expect(canary['on-failure']).toBe('rollback');
    const manifests = workflow.env!.MANIFESTS!;
    expect(canary.checks).toBe('${{ env.MANIFESTS }}/checks.yml');
    expect(manifests).toBe('deploy/k8s'); // where the README copies workflows-templates/manifests
    expect(canary.router).toBe('istio');
    expect(canary.route).toBe(manifest('overlays/istio/virtualservice.yaml').metadata.name);
    const subsets = manifest('overlays/istio/destinationrule.yaml').spec.subsets.map(
      (s: { name: string }) => s.name,
    );
    expect(subsets).toEqual([canary['stable-backend'], canary['canary-backend']]);
    expect(canary['stable-deployment']).toBe(deployment().metadata.name);
    expect(deployment().spec.template.spec.containers[0].args).toContain(`--model=${workflow.env!.MODEL}`);
  });
});

describe('llmops-release.yml after promotion', () => {
  const { text, workflow } = readTemplate('llmops-release.yml');
  const jobs = workflow.jobs as Record<string, Job>;
  const post = jobs['post-deployment']!;

  it('validates staging and then production with the built-in smoke suite, uncached', () => {
    for (const job of [jobs.staging!, post]) {
      const gate = withOf(step(job, 'llmops-dev/llmops/actions/llm-quality-gate@'));
      expect(gate.suites!.split('\n')).toContain('builtin:smoke');
      expect(String(gate.cache)).toBe('false');
      expect(Number(gate.concurrency)).toBeGreaterThanOrEqual(10); // the suite's 10 requests at once
    }
    expect(needsOf(post)).toEqual(['production']);
    expect(post.environment).toBe('production');
    expect(withOf(step(post, 'llmops-dev/llmops/actions/llm-quality-gate@'))['base-url']).toBe(
      '${{ vars.PRODUCTION_LLM_URL }}',
    );
  });

  it('undoes the promotion when the post-deployment validation fails, and only then', () => {
    const undo = step(post, 'llmops-dev/llmops/actions/canary-step@');
    expect(withOf(undo).action).toBe('undo');
    expect(undo.if).toBe("failure() && steps.validate.outcome == 'failure'");
    const canary = withOf(step(jobs.production!, 'llmops-dev/llmops/actions/canary-step@'));
    for (const key of ['router', 'namespace', 'route', 'stable-deployment', 'canary-deployment'])
      expect(withOf(undo)[key]).toBe(canary[key]);
  });

  it('offers OIDC cloud login for EKS, GKE and AKS as commented steps, pinned like the others', () => {
    const commented = text
      .split('\n')
      .filter((line) => /^\s*#\s*- uses: /.test(line))
      .map((line) => line.replace(/^(\s*)#\s?/, '$1'));
    const uses = commented.map((line) => /uses: ([^@\s]+)@/.exec(line)![1]);
    expect(uses).toEqual(
      expect.arrayContaining([
        'aws-actions/configure-aws-credentials',
        'google-github-actions/auth',
        'google-github-actions/get-gke-credentials',
        'azure/login',
        'azure/aks-set-context',
      ]),
    );
    const asWorkflow = `on: push\njobs:\n  oidc:\n    runs-on: x\n    steps:\n${commented.map((l) => `      ${l.trim()}`).join('\n')}\n`;
    expect(unpinned(asWorkflow)).toEqual([]);
    expect(text).toMatch(/# id-token: write/);
  });
});

describe('the reference serving image (workflows-templates/docker)', () => {
  const dockerfile = readFileSync(path.join(templatesDir, 'docker/Dockerfile'), 'utf8');

  it('pins its base by digest, runs as a non-root user and checks /health', () => {
    expect(dockerfile).toMatch(/^FROM vllm\/vllm-openai:v[\d.]+@sha256:[0-9a-f]{64}$/m);
    const user = /^USER (\S+)$/m.exec(dockerfile)![1]!;
    expect(user.split(':')[0]).not.toMatch(/^(0|root)$/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*http:\/\/127\.0\.0\.1:8000\/health/m);
  });

  it('puts no weights in the image: the Deployment mounts a volume where the server keeps them', () => {
    expect(dockerfile).not.toMatch(/^(COPY|ADD) /m);
    // The Deployment's HF_HOME (the model cache) wins over the image's.
    const container = deployment().spec.template.spec.containers[0];
    const env = (container.env ?? []) as Array<{ name: string; value?: string }>;
    const hfHome = env.find((e) => e.name === 'HF_HOME')?.value ?? /HF_HOME=(\S+)/.exec(dockerfile)![1]!;
    const mounts = (container.volumeMounts as Array<{ mountPath: string }>).map((m) => m.mountPath);
    expect(mounts.some((m) => hfHome === m || hfHome.startsWith(`${m}/`))).toBe(true);
    // The image's user (uid 1000), set on the pod or the container.
    const pod = deployment().spec.template.spec;
    expect(container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser).toBe(1000);
  });

  it('sends the Docker daemon only what the image needs', () => {
    const ignore = readFileSync(path.join(templatesDir, 'docker/.dockerignore'), 'utf8');
    expect(ignore.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['*', '!Dockerfile']);
  });
});

describe.each(readdirSync(path.join(templatesDir, '../.github/workflows')))(
  '.github/workflows/%s',
  (file) => {
    const text = readFileSync(path.join(templatesDir, '../.github/workflows', file), 'utf8');

    it('pins every third-party action to a commit SHA with its version', () => {
      expect(unpinned(text)).toEqual([]);
    });

    it('grants each job only what it uses (the release job writes tags and the release)', () => {
      const expected = file === 'release.yml' ? ["release: 'contents: write' is not used by any step"] : [];
      expect(excessPermissions(parseWorkflow(text))).toEqual(expected);
    });
  },
);

describe('reference manifests', () => {
  it('are valid YAML, and the kustomization lists files that exist', () => {
    const files = readdirSync(manifestsDir, { recursive: true, encoding: 'utf8' });
    for (const f of files.filter((f) => /\.ya?ml$/.test(f))) {
      const docs = parseAllDocuments(readFileSync(path.join(manifestsDir, f), 'utf8'));
      for (const d of docs) expect(d.errors).toEqual([]);
    }
    const k = manifest('kustomization.yaml');
    for (const r of k.resources) expect(existsSync(path.join(manifestsDir, r))).toBe(true);
    // `kustomize edit set image llm-server=…` in the release workflow finds the image by this name.
    expect(deployment().spec.template.spec.containers[0].image).toMatch(
      new RegExp(`^${k.images[0].name}@sha256:[0-9a-f]{64}$`),
    );
  });

  it('run vLLM on a GPU, ready on /health and scraped by Prometheus', () => {
    const d = deployment();
    const pod = d.spec.template;
    const vllm = pod.spec.containers[0];
    expect(vllm.resources.limits['nvidia.com/gpu']).toBe('1');
    expect(vllm.readinessProbe.httpGet.path).toBe('/health');
    expect(vllm.args.some((a: string) => a.startsWith('--model='))).toBe(true);
    expect(pod.metadata.annotations['prometheus.io/scrape']).toBe('true');
    expect(pod.metadata.annotations['prometheus.io/port']).toBe(String(vllm.ports[0].containerPort));
    expect(d.spec.selector.matchLabels).toEqual(pod.metadata.labels);
  });

  it('route stable and canary subsets to pods canary-step can tell apart', () => {
    const d = deployment();
    const labels = d.spec.selector.matchLabels as Record<string, string>;
    // canary-step derives the canary Deployment's labels from the stable one's.
    const canary = canaryLabels(d.metadata.name, 'llm-server-canary', labels);
    expect(canary).not.toEqual(labels);
    const dr = manifest('overlays/istio/destinationrule.yaml');
    new DestinationRule(dr).validate();
    const subset = (name: string) => dr.spec.subsets.find((s: { name: string }) => s.name === name).labels;
    expect(labels).toMatchObject(subset('stable'));
    expect(canary).toMatchObject(subset('canary'));
    expect(subset('canary')).not.toEqual(subset('stable'));
    const service = manifest('base/service.yaml');
    expect(labels).toMatchObject(service.spec.selector);
    expect(canary).toMatchObject(service.spec.selector);
    expect(dr.spec.host).toBe(service.metadata.name);
  });

  it('start with all traffic on stable and none on canary', () => {
    const vs = manifest('overlays/istio/virtualservice.yaml');
    new VirtualService(vs).validate();
    const route = vs.spec.http[0].route as Array<{ destination: { subset: string }; weight: number }>;
    expect(route.map((r) => [r.destination.subset, r.weight])).toEqual([
      ['stable', 100],
      ['canary', 0],
    ]);
  });

  it('gate the canary with valid checks built on the vLLM presets', () => {
    const text = readFileSync(path.join(manifestsDir, 'checks.yml'), 'utf8');
    const checks = parseChecks(text, 'checks.yml', {
      selector: 'namespace="llm-prod",track="canary"',
      baselineSelector: 'namespace="llm-prod",track="stable"',
    });
    expect(checks.length).toBeGreaterThan(3);
    for (const c of checks) {
      expect(c.preset).toMatch(/^vllm-/);
      expect(c.query ?? c.counts!.success).toContain('track="canary"');
    }
    expect(checks.map((c) => c.test)).toEqual(
      expect.arrayContaining(['rank-sum', 'proportion', 'threshold']),
    );
  });
});
