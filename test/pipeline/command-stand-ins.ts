import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments, parseDocument, isMap, isSeq, type YAMLMap } from 'yaml';
import { collectionPath, type KubeObject } from '../helpers/fake-kube';
import { kustomize } from '../workflows/kustomize';
import type { CommandCall, CommandResult, CommandStandIn } from './command-shims';

// kubectl and kustomize as the starter workflows call them, against the fake Kubernetes API
// server named in $KUBECONFIG. Kustomizations are rendered by the real `kubectl kustomize`
// (bases, overlays, components, patches, images); the stand-in only sends the rendered objects
// to the fake server: `kubectl apply -k|-f` (create each object, or merge-patch the one there),
// `kubectl rollout status deployment/x`, and `kustomize edit set image`.
// Anything else fails with a line saying the stand-in does not do it.

const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '-k',
  '--kustomize',
  '-f',
  '--filename',
  '--timeout',
  '--context',
]);

function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^(--[^=]+)=(.*)$/.exec(arg);
    if (inline) flags[inline[1]!] = inline[2]!;
    else if (VALUE_FLAGS.has(arg)) flags[arg] = args[++i] ?? '';
    else if (arg.startsWith('-')) flags[arg] = 'true';
    else positional.push(arg);
  }
  return { positional, flags };
}

interface Cluster {
  server: string;
  token: string;
  namespace: string;
}

/** The cluster $KUBECONFIG's current context names, as kubectl reads it. */
function clusterOf(env: Record<string, string>): Cluster {
  const file = env.KUBECONFIG;
  if (!file) throw new Error('The connection to the server localhost:8080 was refused (no KUBECONFIG)');
  const config = parse(readFileSync(file, 'utf8')) as {
    'current-context': string;
    contexts: Array<{ name: string; context: { cluster: string; user: string; namespace?: string } }>;
    clusters: Array<{ name: string; cluster: { server: string } }>;
    users: Array<{ name: string; user: { token?: string } }>;
  };
  const context = config.contexts.find((c) => c.name === config['current-context'])?.context;
  if (!context) throw new Error(`error: current-context '${config['current-context']}' is not in ${file}`);
  return {
    server: config.clusters.find((c) => c.name === context.cluster)!.cluster.server,
    token: config.users.find((u) => u.name === context.user)?.user.token ?? '',
    namespace: context.namespace ?? 'default',
  };
}

interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** `kustomize edit set image name=ref`: newName and newTag or digest, comments kept. */
function kustomizeEdit(call: CommandCall): CommandResult {
  const { positional } = parseArgs(call.args);
  if (positional.slice(0, 3).join(' ') !== 'edit set image')
    return { code: 1, stderr: `kustomize (stand-in): '${call.args.join(' ')}' is not supported\n` };
  const file = path.join(call.cwd, 'kustomization.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  for (const assignment of positional.slice(3)) {
    const [name, ref] = assignment.split(/=(.*)/s) as [string, string];
    const [repository, digest] = ref.split('@') as [string, string | undefined];
    const tag = /:([^:/]+)$/.exec(repository)?.[1];
    const entry: KustomizeImage = { name, newName: tag ? repository.slice(0, -tag.length - 1) : repository };
    if (digest) entry.digest = digest;
    else if (tag) entry.newTag = tag;
    const images = doc.get('images') as YAMLMap | undefined;
    const items = isSeq(images) ? images.items : [];
    const index = items.findIndex((item) => isMap(item) && item.get('name') === name);
    if (index >= 0) doc.setIn(['images', index], doc.createNode(entry));
    else doc.addIn(['images'], doc.createNode(entry));
  }
  writeFileSync(file, doc.toString());
  return { code: 0 };
}

async function request(cluster: Cluster, method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(`${cluster.server}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${cluster.token}`,
      'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** `kubectl apply`: create each object, or merge its fields into the one already there. */
async function apply(cluster: Cluster, objects: KubeObject[], namespace: string): Promise<CommandResult> {
  let stdout = '';
  for (const object of objects) {
    const { name } = object.metadata;
    const collection = collectionPath(object.apiVersion ?? 'v1', object.kind ?? '', namespace);
    if (!collection)
      return {
        code: 1,
        stdout,
        stderr: `error: resource mapping not found for name: "${name}" namespace: "${namespace}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first\n`,
      };
    const placed = { ...object, metadata: { ...object.metadata, namespace } };
    const exists = (await request(cluster, 'GET', `${collection}/${name}`)).ok;
    const response = exists
      ? await request(cluster, 'PATCH', `${collection}/${name}`, placed)
      : await request(cluster, 'POST', collection, placed);
    const what = `${object.kind!.toLowerCase()}/${name}`;
    if (!response.ok) {
      const status = (await response.json()) as { message?: string };
      return {
        code: 1,
        stdout,
        stderr: `Error from server: error when applying ${what}: ${status.message}\n`,
      };
    }
    stdout += `${what} ${exists ? 'configured' : 'created'}\n`;
  }
  return { code: 0, stdout };
}

/** `kubectl rollout status deployment/<name>`: wait until every replica is updated and ready. */
async function rolloutStatus(cluster: Cluster, target: string, namespace: string, timeout: string) {
  const name = target.replace(/^deployments?(\.apps)?\//, '');
  const limitMs = Math.min(60_000, (Number(/^(\d+)m$/.exec(timeout)?.[1] ?? 1) || 1) * 60_000);
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const response = await request(
      cluster,
      'GET',
      `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`,
    );
    if (!response.ok)
      return { code: 1, stderr: `Error from server (NotFound): deployments.apps "${name}" not found\n` };
    const d = (await response.json()) as KubeObject & { spec: { replicas?: number } };
    const status = (d.status ?? {}) as {
      observedGeneration?: number;
      updatedReplicas?: number;
      readyReplicas?: number;
    };
    const replicas = d.spec.replicas ?? 1;
    if ((status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1) && status.readyReplicas === replicas)
      return { code: 0, stdout: `deployment "${name}" successfully rolled out\n` };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { code: 1, stderr: `error: timed out waiting for the condition\n` };
}

async function kubectl(call: CommandCall): Promise<CommandResult> {
  const { positional, flags } = parseArgs(call.args);
  const cluster = clusterOf(call.env);
  const namespace = flags['-n'] ?? flags['--namespace'];
  const [verb, sub] = positional;
  if (verb === 'apply' && (flags['-k'] || flags['--kustomize'])) {
    const objects = kustomize(path.resolve(call.cwd, flags['-k'] ?? flags['--kustomize']!));
    // A namespace the kustomization sets is on each object; --namespace must agree with it.
    return apply(cluster, objects, namespace ?? objects[0]?.metadata.namespace ?? cluster.namespace);
  }
  if (verb === 'apply' && (flags['-f'] || flags['--filename'])) {
    const file = path.resolve(call.cwd, flags['-f'] ?? flags['--filename']!);
    const objects = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as KubeObject);
    return apply(cluster, objects, namespace ?? cluster.namespace);
  }
  if (verb === 'rollout' && sub === 'status' && positional[2])
    return rolloutStatus(cluster, positional[2], namespace ?? cluster.namespace, flags['--timeout'] ?? '1m');
  return { code: 1, stderr: `kubectl (stand-in): '${call.args.join(' ')}' is not supported\n` };
}

/** Images as `docker` sees them: the local store and the registry (tag → digest). */
export interface Images {
  local: Map<string, string>;
  registry: Map<string, string>;
}

/** `docker build -t tag [-f file] context`, `tag`, `push`, `pull`, `login`: images are digests of their Dockerfile. */
function dockerCommand(images: Images): CommandStandIn {
  return (call) => {
    const { positional, flags } = parseArgs(
      call.args.map((a) => (a === '-t' || a === '--tag' ? '--tag' : a)),
    );
    const [verb, ...rest] = positional;
    if (verb === 'build') {
      const context = path.resolve(call.cwd, rest[0] ?? '.');
      const dockerfile = path.resolve(context, flags['-f'] ?? 'Dockerfile');
      const digest = `sha256:${createHash('sha256').update(readFileSync(dockerfile)).digest('hex')}`;
      if (flags['--tag']) images.local.set(flags['--tag'], digest);
      return { code: 0, stdout: `writing image ${digest}\n` };
    }
    const known = (ref: string, store: Map<string, string>) => store.get(ref);
    if (verb === 'tag' && rest.length === 2 && known(rest[0]!, images.local)) {
      images.local.set(rest[1]!, images.local.get(rest[0]!)!);
      return { code: 0 };
    }
    if (verb === 'push' && rest[0] && known(rest[0], images.local)) {
      images.registry.set(rest[0], images.local.get(rest[0])!);
      return { code: 0, stdout: `${rest[0]}: digest: ${images.local.get(rest[0])}\n` };
    }
    if (verb === 'pull' && rest[0] && known(rest[0], images.registry)) {
      images.local.set(rest[0], images.registry.get(rest[0])!);
      return { code: 0 };
    }
    if (verb === 'login') return { code: 0, stdout: 'Login Succeeded\n' };
    return {
      code: 1,
      stderr: `docker (stand-in): 'docker ${call.args.join(' ')}' is not supported or names an unknown image\n`,
    };
  };
}

/** The commands the starter workflows' run: scripts call that cannot run here. */
export function commandStandIns(images: Images): Record<string, CommandStandIn> {
  return { kubectl, kustomize: kustomizeEdit, docker: dockerCommand(images) };
}
