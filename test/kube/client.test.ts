import { ClientKube, KubeError, loadKubeConfig, namespaceOf } from '@llmops/kube';
import type { FakeKube } from '../helpers/fake-kube';
import { deployment, fakeKube, seed } from './fixtures';

let kube: FakeKube;
let client: ClientKube;

beforeEach(async () => {
  kube = await fakeKube().start();
  seed(kube);
  const kc = loadKubeConfig({ kubeconfig: kube.kubeconfig() });
  client = new ClientKube(kc, namespaceOf(kc));
});
afterEach(() => kube.stop());

test('reads custom objects and Deployments through @kubernetes/client-node', async () => {
  expect(client.namespace).toBe('prod');
  const vs = await client.get('VirtualService', 'llm');
  expect(vs.spec?.hosts).toEqual(['llm.prod.svc.cluster.local']);
  const d = await client.get('Deployment', 'llm-stable');
  expect((d.spec as { replicas: number }).replicas).toBe(2);
  expect(await client.find('Deployment', 'nope')).toBeUndefined();
  expect(kube.requests.map((r) => `${r.verb} ${r.target}`)).toEqual([
    'get virtualservices/llm',
    'get deployments/llm-stable',
    'get deployments/nope',
  ]);
});

test('merge patches carry their content type; a stale resourceVersion is a 409 conflict', async () => {
  const vs = await client.get('VirtualService', 'llm');
  await client.patch(
    'VirtualService',
    'llm',
    { metadata: { labels: { a: 'b' }, resourceVersion: vs.metadata.resourceVersion } },
    'merge',
  );
  expect(kube.requests.at(-1)).toMatchObject({
    verb: 'patch',
    contentType: 'application/merge-patch+json',
    status: 200,
  });
  expect(kube.get('virtualservices', 'llm')?.metadata.labels).toEqual({ a: 'b' });
  const stale = client.patch(
    'VirtualService',
    'llm',
    { metadata: { resourceVersion: vs.metadata.resourceVersion } },
    'merge',
  );
  await expect(stale).rejects.toThrow(KubeError);
  await expect(stale).rejects.toMatchObject({ status: 409 });
});

test('JSON patches scale a Deployment and bump its generation', async () => {
  await client.patch(
    'Deployment',
    'llm-canary',
    [{ op: 'replace', path: '/spec/replicas', value: 3 }],
    'json',
  );
  expect(kube.requests.at(-1)).toMatchObject({ contentType: 'application/json-patch+json', status: 200 });
  const d = kube.get('deployments', 'llm-canary')!;
  expect((d.spec as { replicas: number }).replicas).toBe(3);
  expect(d.metadata.generation).toBe(2);
});

test('errors name the verb and the object; RBAC denials say which permission is missing', async () => {
  kube.deny({ verb: 'patch', plural: 'virtualservices' });
  await expect(client.patch('VirtualService', 'llm', {}, 'merge')).rejects.toThrow(
    /^patch VirtualService prod\/llm: forbidden \(RBAC\): the credentials lack verb 'patch' on resource 'virtualservices' in API group 'networking.istio.io'/,
  );
  await expect(client.get('HTTPRoute', 'missing')).rejects.toThrow(/^get HTTPRoute prod\/missing: not found/);
  await expect(client.create('Deployment', deployment('llm-stable', 'x', 'stable'))).rejects.toThrow(
    /^create Deployment prod\/llm-stable: HTTP 409 — deployments.apps "llm-stable" already exists/,
  );
});

test('lists pods by label selector', async () => {
  kube.unschedulable.set('llm-stable', '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.');
  kube.touch('deployments', 'llm-stable', () => {});
  await kube.put('deployments', deployment('llm-stable', 'ghcr.io/acme/llm:1.0.0', 'stable'));
  await new Promise((r) => setTimeout(r, 100));
  const pods = await client.list('Pod', 'app=llm,track=stable');
  expect(pods).toHaveLength(2);
  expect(pods[0]!.status).toMatchObject({ phase: 'Pending' });
});

test('the kubeconfig credentials are registered as secrets; a bad kubeconfig is one line', () => {
  expect(() => loadKubeConfig({ kubeconfig: 'not: [a kubeconfig' })).toThrow(
    /^input 'kubeconfig': not a kubeconfig/,
  );
  expect(() => loadKubeConfig({ kubeconfig: kube.kubeconfig(), context: 'other' })).toThrow(
    /no context 'other'/,
  );
});
