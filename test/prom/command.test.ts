import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError, UserError } from '@llmops/core';
import { runCommand } from '../helpers/run-command';

// A Prometheus stand-in that counts every request and answers each instant query with 1.
let server: Server;
let requests = 0;
let authorization: string | undefined;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    authorization = req.headers.authorization;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [0, '1'] }] },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  requests = 0;
});

const workspace = mkdtempSync(path.join(tmpdir(), 'llmops-metric-gate-'));
const gate = (inputs: Record<string, string>) =>
  runCommand('metric-gate', { 'prometheus-url': url, interval: '1s', count: '1', ...inputs }, { workspace });

test('a good check is measured against Prometheus (the server below does see requests)', async () => {
  const { report } = await gate({ checks: '- {name: up, query: up, min: 1}' });
  expect(report.verdict).toBe('pass');
  expect(requests).toBe(1);
});

test('basic auth in prometheus-url goes in a header; the report names the URL without it', async () => {
  const { report } = await gate({
    'prometheus-url': url.replace('//', '//gate:s3cret-pass@'),
    checks: '- {name: up, query: up, min: 1}',
  });
  expect(authorization).toBe(`Basic ${Buffer.from('gate:s3cret-pass').toString('base64')}`);
  expect((report.data as { prometheusUrl: string }).prometheusUrl).toBe(url);
});

test.each([
  [
    'an unknown preset',
    { checks: '- {name: ttft, preset: vllm-ttft-p96, selector: \'app="llm"\'}' },
    /preset/,
  ],
  ['a missing checks file', { checks: 'gates/canary.yml' }, /gates\/canary\.yml/],
  ['a checks file outside the workspace', { checks: '../../etc/passwd' }, /outside the workspace/],
  [
    'a bad header',
    { checks: '- {name: up, query: up, min: 1}', 'prometheus-headers': 'X Tenant: 1' },
    /prometheus-headers/,
  ],
])('%s fails in the plan, before Prometheus is asked anything', async (_what, inputs, message) => {
  const error = await gate(inputs).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(message);
  expect(requests).toBe(0);
});

test('a bad input value is an InputError (exit 2) before any request', async () => {
  const error = await gate({ checks: '- {name: up, query: up, min: 1}', count: '0' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(/input 'count'/);
  expect(requests).toBe(0);
});
