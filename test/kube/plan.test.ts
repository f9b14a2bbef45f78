import { InputError, UserError } from '@llmops/core';
import type { FakeKube } from '../helpers/fake-kube';
import { closedPort } from '../helpers/ports';
import { postCommands } from '../../packages/cli/src/commands';
import { runCommand } from '../helpers/run-command';
import { fakeKube, rawInputs, seed } from './fixtures';

// canary-step's plan checks steps, router settings, checks files and the kubeconfig before the
// cluster (or Prometheus) is asked anything: a bad value costs no request at all.

let kube: FakeKube;
beforeEach(async () => {
  kube = await fakeKube().start();
  seed(kube);
});
afterEach(() => kube.stop());

async function canaryStep(overrides: Record<string, string>) {
  const inputs = rawInputs({
    kubeconfig: kube.kubeconfig(),
    'prometheus-url': `http://127.0.0.1:${await closedPort()}`,
    ...overrides,
  });
  return runCommand('canary-step', inputs, { workspace: process.cwd() });
}

test('good inputs do read the cluster (what the checks below would see)', async () => {
  const { report } = await canaryStep({ action: 'status' });
  expect(report.verdict).toBe('pass');
  expect(kube.requests.length).toBeGreaterThan(0);
});

test.each([
  [
    'an unknown step',
    { steps: '- weight: 10\n- shadow: 20' },
    InputError,
    /input 'steps': step 2: unknown step 'shadow'/,
  ],
  ['a weight over 100', { steps: '10,50,150' }, InputError, /input 'steps'/],
  [
    'gateway-api without canary-backend',
    { router: 'gateway-api', 'canary-backend': '' },
    InputError,
    /input 'canary-backend' is required with router 'gateway-api'/,
  ],
  [
    'service without stable-deployment',
    { router: 'service', service: 'llm', steps: '100', 'stable-deployment': '' },
    InputError,
    /input 'stable-deployment' is required with router 'service'/,
  ],
  [
    'istio without canary-deployment',
    { 'canary-deployment': '' },
    InputError,
    /input 'canary-deployment' is required with router 'istio'/,
  ],
  [
    'checks without prometheus-url',
    { checks: '- {name: up, query: up, min: 1}', 'prometheus-url': '' },
    InputError,
    /input 'prometheus-url' is required/,
  ],
  ['a missing checks file', { checks: 'gates/missing.yml' }, UserError, /gates\/missing\.yml/],
  [
    'prepull with a storage URI (nodes pull images, not model files)',
    { router: 'kserve', 'inference-service': 'llm', image: 'hf://acme/llm-7b@v2', prepull: 'llm-prepull' },
    InputError,
    /^input 'prepull': the DaemonSet pre-pulls a container image, and 'image' is the storage URI hf:\/\/acme\/llm-7b@v2/,
  ],
  [
    "an analysis step's unknown preset (found before any traffic moves, not at the step)",
    { steps: '- weight: 10\n- analysis: {checks: "- {name: ttft, preset: no-such-preset}"}' },
    UserError,
    /check 'ttft': 'preset' must be one of/,
  ],
  [
    'a bad prometheus-headers line',
    { checks: '- {name: up, query: up, min: 1}', 'prometheus-headers': 'X Tenant: 1' },
    InputError,
    /prometheus-headers/,
  ],
  [
    'a kubeconfig context it does not have',
    { context: 'staging' },
    UserError,
    /input 'context': no context 'staging'/,
  ],
])('%s fails in the plan, before any cluster read', async (_what, overrides, type, message) => {
  const error = await canaryStep(overrides).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(type);
  expect((error as Error).message).toMatch(message);
  expect(kube.requests).toEqual([]);
});

test('the post step plans the same way: a bad step is an input error, and no request', async () => {
  const inputs = rawInputs({ kubeconfig: kube.kubeconfig(), steps: '- weight: 10\n- shadow: 20' });
  const post = await postCommands['canary-step']!();
  const error = await post
    .read((name) => inputs[name])
    .execute({ workspace: process.cwd(), env: {}, log: () => {}, signal: new AbortController().signal })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect(kube.requests).toEqual([]);
});
