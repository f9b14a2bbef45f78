import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactSecrets } from '@llmops/core';
import { ClientKube, KubeError, loadKubeConfig, namespaceOf } from '@llmops/kube';
import type { FakeKube } from '../helpers/fake-kube';
import { deployment, fakeKube, seed } from './fixtures';
import { istioCanaryWeights, runStep, scriptedAnalysis, stateOf } from './harness';

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

describe('masking', () => {
  test('the raw kubeconfig is masked whole before it is parsed: a parse error cannot show it', () => {
    const raw = 'apiVersion: v1\nusers: [{name: ci, user: {token: tok-unparsed-9f8e7d6c5b4a}}\n';
    expect(() => loadKubeConfig({ kubeconfig: raw })).toThrow(/not a kubeconfig/);
    expect(redactSecrets(`dump: ${raw}`)).toBe('dump: ***');
  });

  test("exec credential plugins' env values and credential arguments are masked", () => {
    const config = kube
      .kubeconfig()
      .replace(
        '      token: fake-token-0123456789',
        [
          '      exec:',
          '        apiVersion: client.authentication.k8s.io/v1',
          '        command: cloud-login',
          '        args: [get-token, --cluster, prod, --api-key=key-arg-0a1b2c3d4e, --client-secret, sec-arg-5f6a7b8c]',
          '        env: [{name: CLOUD_TOKEN, value: env-value-9z8y7x6w}]',
        ].join('\n'),
      );
    loadKubeConfig({ kubeconfig: config });
    expect(redactSecrets('key-arg-0a1b2c3d4e sec-arg-5f6a7b8c env-value-9z8y7x6w')).toBe('*** *** ***');
    // ordinary arguments stay readable
    expect(redactSecrets('get-token --cluster prod')).toBe('get-token --cluster prod');
  });
});

describe('transient failures and timeouts', () => {
  test('traffic writes are retried after 5xx answers', async () => {
    kube.fail({ target: /^virtualservices\/llm$/, method: 'PATCH', status: 503, times: 2 });
    const { result, logs } = await runStep(kube, {});
    expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
    expect(logs.filter((l) => / HTTP 503 .*retrying in \d+ ms/.test(l))).toHaveLength(2);
    expect(istioCanaryWeights(kube)).toEqual([10, 50, 100, 0]);
  });

  test('JSON patches (image, scale) are retried after 429 and 5xx, waiting what Retry-After asks', async () => {
    kube.fail({ target: /^deployments\/llm-canary$/, method: 'PATCH', status: 429, retryAfter: '1' });
    kube.fail({ target: /^deployments\/llm-canary$/, method: 'PATCH', status: 503 });
    const { result, logs } = await runStep(kube, {});
    expect(result).toMatchObject({ verdict: 'pass', outcome: 'promoted' });
    const patches = kube.requests.filter((r) => r.verb === 'patch' && r.target === 'deployments/llm-canary');
    expect(patches.slice(0, 3).map((r) => [r.contentType, r.status])).toEqual([
      ['application/json-patch+json', 429],
      ['application/json-patch+json', 503],
      ['application/json-patch+json', 200],
    ]);
    expect(
      logs.filter((l) => / HTTP 429 .*retrying in 1000 ms, as Retry-After asks \(1\/3\)/.test(l)),
    ).toHaveLength(1);
    expect(logs.filter((l) => / HTTP 503 .*retrying in \d+ ms \(2\/3\)/.test(l))).toHaveLength(1);
    const image = (
      kube.get('deployments', 'llm-canary')!.spec as {
        template: { spec: { containers: Array<{ image: string }> } };
      }
    ).template.spec.containers[0]!.image;
    expect(image).toBe('ghcr.io/acme/llm:1.1.0');
  });

  test('a rollback to weight 0 lands through a failing API server', async () => {
    kube.onChange((object, kind) => {
      if (kind === 'VirtualService' && stateOf(object)?.weight === 10)
        kube.fail({ target: /^virtualservices\/llm$/, method: 'PATCH', status: 500, times: 2 });
    });
    const { result } = await runStep(kube, {}, { analysis: scriptedAnalysis(['fail']) });
    expect(result).toMatchObject({ verdict: 'fail', outcome: 'rolled-back', rolledBack: true });
    expect(istioCanaryWeights(kube)).toEqual([10, 0]);
  });

  test('an API server that does not answer times out, sooner once the job is cancelled', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const kc = loadKubeConfig({ kubeconfig: kube.kubeconfig().replace(kube.url, url) });
      const controller = new AbortController();
      const slow = new ClientKube(kc, 'prod', {
        timeoutMs: 300,
        signal: controller.signal,
        abortedTimeoutMs: 100,
      });
      let started = Date.now();
      await expect(slow.get('VirtualService', 'llm')).rejects.toThrow(
        'get VirtualService prod/llm: no answer from the API server within 0.3s',
      );
      expect(Date.now() - started).toBeLessThan(2000);
      controller.abort();
      started = Date.now();
      await expect(slow.patch('VirtualService', 'llm', {}, 'merge')).rejects.toThrow(/within 0.1s/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
