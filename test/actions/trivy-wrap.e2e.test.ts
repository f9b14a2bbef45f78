import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeGitHub, pullRequestEvent } from '../helpers/github-api';
import { repoRoot, runBundle } from '../helpers/run-bundle';
import { sarifSchemaErrors } from '../trivy/harness';
import { fakeTrivy, gone, misconfigurations, osPackages, trivyReport, workspace } from '../trivy/reports';

// Runs dist/trivy-wrap/index.js as the runner does (build it with `node scripts/build.mjs trivy-wrap`).
const bundle = path.join(repoRoot, 'dist/trivy-wrap/index.js');
const image = { name: 'ghcr.io/acme/llm-server:1.4.0', type: 'container_image' };

const report = trivyReport(image, [
  osPackages([
    {
      id: 'CVE-2024-6119',
      pkg: 'openssl',
      installed: '3.0.11-1',
      fixed: '3.0.14-1',
      severity: 'CRITICAL',
      nvdScore: 9.8,
    },
    {
      id: 'CVE-2024-2961',
      pkg: 'libc6',
      installed: '2.36-9+deb12u4',
      fixed: '2.36-9+deb12u7',
      severity: 'HIGH',
      nvdScore: 7.3,
    },
    { id: 'CVE-2023-50495', pkg: 'ncurses-base', installed: '6.4-4', severity: 'MEDIUM' },
  ]),
  misconfigurations('Dockerfile', 'dockerfile', [
    { id: 'DS002', avdId: 'AVD-DS-0002', title: 'Image user should not be root', severity: 'HIGH' },
  ]),
]);

describe('trivy-wrap bundle', () => {
  beforeAll(() => {
    if (!existsSync(bundle))
      throw new Error('dist/trivy-wrap is missing: run `node scripts/build.mjs trivy-wrap`');
  });

  it('fails the step on gated findings, with outputs, annotations, summary, SARIF and JSON report', async () => {
    const ws = workspace({
      Dockerfile: 'FROM vllm/vllm-openai:v0.6.3\nCOPY app /app\n',
      '.github/trivy-allowlist.yml': '- id: CVE-2024-2961\n  reason: iconv unused\n  expires: 2021-06-30\n',
    });
    const trivy = fakeTrivy(report);
    const run = await runBundle(
      'trivy-wrap',
      {
        'scan-type': 'image',
        target: image.name,
        'trivy-path': trivy.bin,
        allowlist: '.github/trivy-allowlist.yml',
        'sarif-path': 'trivy.sarif',
      },
      { cwd: ws, env: trivy.env },
    );
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      verdict: 'fail',
      critical: '1',
      high: '2',
      medium: '1',
      low: '0',
      unknown: '0',
      gated: '3',
      allowlisted: '0',
      'expired-allowlist': '1',
      'sarif-path': 'trivy.sarif',
      'report-path': 'llmops-trivy-wrap-report.json',
    });
    const errors = run.annotations.filter(
      (a) => a.level === 'error' && a.props.title !== 'trivy-wrap: error',
    );
    expect(errors.find((a) => a.message.startsWith('CVE-2024-6119'))?.props).toMatchObject({
      file: 'Dockerfile',
      line: '1',
    });
    const expired = run.annotations.find(
      (a) => a.level === 'warning' && a.props.file === '.github/trivy-allowlist.yml',
    );
    expect(expired?.props.line).toBe('1');
    expect(run.summary).toContain('trivy-wrap: fail');
    expect(run.summary).toContain('Top findings');
    expect(run.summary).toContain(
      '| CRITICAL | CVE-2024-6119 | openssl | 3.0.11-1 | 3.0.14-1 | Dockerfile:1 |',
    );

    const sarif = JSON.parse(readFileSync(path.join(ws, 'trivy.sarif'), 'utf8'));
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const json = JSON.parse(readFileSync(path.join(ws, 'llmops-trivy-wrap-report.json'), 'utf8'));
    expect(json.data.counts).toEqual({ CRITICAL: 1, HIGH: 2, MEDIUM: 1, LOW: 0, UNKNOWN: 0 });
  });

  it('passes a clean scan and upserts one sticky PR comment', async () => {
    const github = await new FakeGitHub().start();
    try {
      const ws = workspace();
      const eventPath = path.join(ws, 'event.json');
      writeFileSync(eventPath, pullRequestEvent(12));
      const trivy = fakeTrivy(trivyReport(image, []));
      const inputs = {
        'scan-type': 'image',
        target: image.name,
        'trivy-path': trivy.bin,
        'github-token': 'ghs_faketoken123',
      };
      const env = { ...trivy.env, ...github.env(eventPath) };
      const first = await runBundle('trivy-wrap', inputs, { cwd: ws, env });
      const second = await runBundle('trivy-wrap', inputs, { cwd: ws, env });
      expect([first.code, second.code]).toEqual([0, 0]);
      expect(first.outputs).toMatchObject({ verdict: 'pass', gated: '0' });
      expect(github.comments).toHaveLength(1);
      expect(github.comments[0]!.body).toContain('<!-- llmops:trivy-wrap -->');
    } finally {
      await github.stop();
    }
  });

  it("reports Trivy's failure as inconclusive and fails the step", async () => {
    const trivy = fakeTrivy(undefined, { exit: 2, stderr: 'FATAL\tscan error: unable to inspect the image' });
    const run = await runBundle(
      'trivy-wrap',
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin },
      { cwd: workspace(), env: trivy.env },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(run.outputs.gated).toBeUndefined();
    expect(run.summary).toContain('Trivy exited with code 2');
  });

  it('enforces its timeout on a hung Trivy whose child holds stderr, and ends inconclusive', async () => {
    const trivy = fakeTrivy(report, { hang: true, orphan: true });
    const started = Date.now();
    const run = await runBundle(
      'trivy-wrap',
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin, timeout: '1s' },
      { cwd: workspace(), env: trivy.env },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('inconclusive');
    expect(run.summary).toContain('Trivy was killed after hanging past its timeout');
    expect(await gone(Number(readFileSync(trivy.orphanPidFile, 'utf8')))).toBe(true);
  });

  it('takes the allowlist inline, and refuses a target that reads as a flag', async () => {
    const trivy = fakeTrivy(report);
    const allowlist = [
      '- {id: CVE-2024-6119, reason: outbound TLS only, expires: 2999-12-31}',
      '- {id: CVE-2024-2961, reason: iconv unused, expires: 2999-12-31}',
      '- {id: DS002, reason: root needed for GPUs, expires: 2999-12-31}',
    ].join('\n');
    const run = await runBundle(
      'trivy-wrap',
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin, allowlist },
      { cwd: workspace(), env: trivy.env },
    );
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', gated: '0', allowlisted: '3' });
    expect(JSON.parse(readFileSync(trivy.argsFile, 'utf8')).slice(-2)).toEqual(['--', image.name]);

    const flag = await runBundle(
      'trivy-wrap',
      { 'scan-type': 'image', target: '--help', 'trivy-path': trivy.bin },
      { cwd: workspace(), env: trivy.env },
    );
    expect(flag.code).toBe(1);
    expect(flag.annotations.map((a) => a.message)).toContain(
      "input 'target' has value '--help': expected an image reference, path or URL; one starting with '-' reads as a flag (write ./-name for such a path)",
    );
  });

  it('refuses a tampered Trivy download before running anything', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_, res) => res.writeHead(200).end('not the trivy you are looking for'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const ws = workspace();
      const run = await runBundle(
        'trivy-wrap',
        { 'scan-type': 'fs', target: '.' },
        {
          cwd: ws,
          env: {
            LLMOPS_TRIVY_DOWNLOAD_BASE: `http://127.0.0.1:${port}`,
            RUNNER_TOOL_CACHE: path.join(ws, '.tools'),
          },
        },
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('checksum mismatch for trivy_0.69.3_');
      // An early ending still has its verdict (never a pass) and report.
      expect(run.outputs.verdict).toBe('fail');
    } finally {
      server.close();
    }
  });
});
