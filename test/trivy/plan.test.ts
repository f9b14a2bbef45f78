import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError, UserError } from '@llmops/core';
import { DOWNLOAD_BASE_ENV } from '@llmops/trivy';
import { runTrivyWrap } from './harness';
import { fakeTrivy, trivyReport, workspace } from './reports';

// Every input, file and glob is checked before Trivy is installed or run: a bad one costs no
// download and no scan.

let downloads: Server;
let downloadBase = '';
const requested: string[] = [];
beforeAll(async () => {
  downloads = createServer((req, res) => {
    requested.push(req.url!);
    res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => downloads.listen(0, '127.0.0.1', resolve));
  downloadBase = `http://127.0.0.1:${(downloads.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => downloads.close(resolve)));
beforeEach(() => {
  requested.length = 0;
});

const image = 'ghcr.io/acme/llm-server:1.4.0';
const files = {
  Dockerfile: 'FROM debian:12\n',
  'security/allowlist.yml': '- {id: CVE-2024-1, reason: not reachable, expires: 2099-01-01}\n',
  '.trivyignore': 'CVE-2024-2\n',
  '.trivyignore.yaml': 'vulnerabilities: []\n',
};

test('good inputs run Trivy (the checks below would see it run)', async () => {
  const trivy = fakeTrivy(trivyReport({ name: image, type: 'container_image' }, []));
  const { report } = await runTrivyWrap(
    { 'scan-type': 'image', target: image, 'trivy-path': trivy.bin, allowlist: 'security/allowlist.yml' },
    { workspace: workspace(files), env: trivy.env },
  );
  expect(report.verdict).toBe('pass');
  expect(existsSync(trivy.argsFile)).toBe(true);
});

test.each([
  [
    'a Dockerfile outside the workspace',
    { dockerfile: '../Dockerfile' },
    /input 'dockerfile'.*outside the workspace/,
  ],
  ['a missing allowlist file', { allowlist: 'security/missing.yml' }, /security\/missing\.yml/],
  ['an allowlist entry without a reason', { allowlist: '- {id: CVE-2024-1, expires: 2099-01-01}' }, /reason/],
  [
    'a YAML ignore file beside another',
    { trivyignores: '.trivyignore, .trivyignore.yaml' },
    /input 'trivyignores': a YAML ignore file/,
  ],
  ['an ignore file outside the workspace', { trivyignores: '../../etc/passwd' }, /outside the workspace/],
  ['no target for an image scan', { target: '' }, /input 'target' is required/],
])('%s fails before Trivy is installed or run', async (_what, inputs, message) => {
  const trivy = fakeTrivy(undefined);
  const ws = workspace(files);
  const given = { 'scan-type': 'image', target: image, ...inputs };
  // With a Trivy to run: it is never started.
  const withPath = await runTrivyWrap(
    { ...given, 'trivy-path': trivy.bin },
    { workspace: ws, env: trivy.env },
  ).catch((e: unknown) => e);
  expect(withPath).toBeInstanceOf(UserError);
  expect((withPath as Error).message).toMatch(message);
  expect(existsSync(trivy.argsFile)).toBe(false);
  // Without one: nothing is downloaded.
  const toInstall = await runTrivyWrap(given, {
    workspace: ws,
    env: { [DOWNLOAD_BASE_ENV]: downloadBase },
  }).catch((e: unknown) => e);
  expect((toInstall as Error).message).toMatch(message);
  expect(requested).toEqual([]);
});

test('a bad input value is an InputError (exit 2) before any download', async () => {
  const error = await runTrivyWrap(
    { 'scan-type': 'image', target: image, severity: 'HIGH,SEVERE' },
    { workspace: workspace(files), env: { [DOWNLOAD_BASE_ENV]: downloadBase } },
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(/input 'severity'/);
  expect(requested).toEqual([]);
});

test('good inputs without a trivy-path do download the pinned Trivy (what the checks above would see)', async () => {
  const error = await runTrivyWrap(
    { 'scan-type': 'image', target: image },
    {
      workspace: workspace(files),
      env: { [DOWNLOAD_BASE_ENV]: downloadBase, RUNNER_TOOL_CACHE: workspace(), RUNNER_TEMP: workspace() },
    },
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect(requested).toHaveLength(1);
});
