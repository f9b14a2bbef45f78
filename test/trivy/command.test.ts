import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, isUserError, type Finding } from '@llmops/core';
import {
  fakeTrivy,
  gone,
  languagePackages,
  licenses,
  misconfigurations,
  osPackages,
  secrets,
  trivyReport,
  workspace,
} from './reports';
import { runTrivyWrap } from './harness';

const image = { name: 'ghcr.io/acme/llm-server:1.4.0', type: 'container_image' };

const folder = { name: '.', type: 'filesystem' };

const imageReport = trivyReport(image, [
  osPackages([
    {
      id: 'CVE-2024-2961',
      pkg: 'libc6',
      installed: '2.36-9+deb12u4',
      fixed: '2.36-9+deb12u7',
      severity: 'HIGH',
      nvdScore: 7.3,
    },
    {
      id: 'CVE-2024-6119',
      pkg: 'openssl',
      installed: '3.0.11-1',
      fixed: '3.0.14-1',
      severity: 'CRITICAL',
      nvdScore: 9.8,
    },
    { id: 'CVE-2023-50495', pkg: 'ncurses-base', installed: '6.4-4', severity: 'MEDIUM' },
    { id: 'CVE-2011-3374', pkg: 'apt', installed: '2.6.1', severity: 'LOW' },
    { id: 'CVE-2025-0001', pkg: 'zlib1g', installed: '1.2.13', severity: 'HIGH' },
  ]),
]);

async function scanImage(inputs: Record<string, string> = {}, files: Record<string, string> = {}) {
  const ws = workspace({
    Dockerfile: 'FROM python:3.11 AS build\nRUN pip wheel .\nFROM debian:12\nCOPY --from=build /w /w\n',
    ...files,
  });
  const trivy = fakeTrivy(imageReport);
  const run = await runTrivyWrap(
    { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin, ...inputs },
    { workspace: ws, env: trivy.env },
  );
  return { ...run, ws, args: JSON.parse(readFileSync(trivy.argsFile, 'utf8')) as string[] };
}

describe('trivy-wrap on an image (OS packages)', () => {
  it('fails on CRITICAL and HIGH, counts every severity, and points at the Dockerfile FROM line', async () => {
    const { report } = await scanImage();
    expect(report.verdict).toBe('fail');
    expect(report.outputs).toMatchObject({
      critical: 1,
      high: 2,
      medium: 1,
      low: 1,
      unknown: 0,
      gated: 3,
      allowlisted: 0,
    });
    const gated = report.findings.map((f) => f.ruleId);
    expect(gated[0]).toBe('CVE-2024-6119');
    expect(gated.slice(1).sort()).toEqual(['CVE-2024-2961', 'CVE-2025-0001']);
    const openssl = report.findings[0]!;
    expect(openssl).toMatchObject({ file: 'Dockerfile', line: 3, level: 'error', securitySeverity: 9.8 });
    expect(openssl.message).toContain('openssl 3.0.11-1, fixed in 3.0.14-1');
    expect(openssl.helpUri).toBe('https://avd.aquasec.com/nvd/cve-2024-6119');
  });

  it('runs Trivy with JSON output, exit code 0 and the database flags', async () => {
    const { args } = await scanImage({
      'cache-dir': '.cache/trivy',
      'skip-db-update': 'true',
      timeout: '2m',
    });
    expect(args[0]).toBe('image');
    expect(args).toEqual(
      expect.arrayContaining([
        '--format',
        'json',
        '--exit-code',
        '0',
        '--skip-db-update',
        '--skip-java-db-update',
      ]),
    );
    expect(args[args.indexOf('--cache-dir') + 1]).toMatch(/\/\.cache\/trivy$/);
    expect(args[args.indexOf('--timeout') + 1]).toBe('120s');
    // `--` ends Trivy's flags: the target is never read as one.
    expect(args.slice(-2)).toEqual(['--', image.name]);
  });

  it('ignore-unfixed drops vulnerabilities without a fixed version from counts and the gate', async () => {
    const { report } = await scanImage({ 'ignore-unfixed': 'true' });
    expect(report.outputs).toMatchObject({ critical: 1, high: 1, medium: 0, low: 0, gated: 2 });
  });

  it('reads severity as a threshold: MEDIUM gates MEDIUM and above', async () => {
    const { report } = await scanImage({ severity: 'MEDIUM' });
    expect(report.outputs.gated).toBe(4);
    const critical = await scanImage({ severity: 'CRITICAL' });
    expect(critical.report.outputs.gated).toBe(1);
  });

  it('suppresses allowlisted findings until they expire, then warns on the allowlist line', async () => {
    const allowlist = [
      '- id: CVE-2024-6119',
      '  reason: OpenSSL is only used for outbound TLS to our own endpoints',
      '  expires: 2999-12-31',
      '- id: cve-2024-2961',
      '  reason: iconv is never called with ISO-2022-CN-EXT',
      '  expires: 2020-01-31',
      '  package: libc6',
      '- id: CVE-2025-0001',
      '  reason: wrong package on purpose',
      '  expires: 2999-12-31',
      '  package: zlib',
    ].join('\n');
    const { report } = await scanImage(
      { allowlist: 'security/allowlist.yml' },
      { 'security/allowlist.yml': allowlist },
    );
    expect(report.outputs).toMatchObject({
      critical: 0,
      high: 2,
      gated: 2,
      allowlisted: 1,
      'expired-allowlist': 1,
    });
    const warning = report.findings.find((f) => f.level === 'warning') as Finding;
    expect(warning).toMatchObject({
      ruleId: 'trivy-wrap/expired-allowlist',
      file: 'security/allowlist.yml',
      line: 4,
    });
    expect(warning.message).toContain('expired on 2020-01-31');
    expect(report.reasons.join(' ')).toContain('1 of them had an allowlist entry that has expired');
  });

  it('takes the allowlist inline in the input too, as the description promises', async () => {
    const inline = [
      '- id: CVE-2024-6119',
      '  reason: OpenSSL is only used for outbound TLS to our own endpoints',
      '  expires: 2999-12-31',
      '- {id: CVE-2024-2961, reason: iconv unused, expires: 2020-01-31, package: libc6}',
    ].join('\n');
    const { report } = await scanImage({ allowlist: inline });
    expect(report.outputs).toMatchObject({ critical: 0, gated: 2, allowlisted: 1, 'expired-allowlist': 1 });
    const warning = report.findings.find((f) => f.level === 'warning') as Finding;
    expect(warning.file).toBeUndefined();
    expect(warning.message).toMatch(
      /^input 'allowlist', line 4: Allowlist entry CVE-2024-2961 expired on 2020-01-31/,
    );
    const flow = await scanImage({
      allowlist: '[{id: CVE-2024-6119, reason: TLS to our own endpoints, expires: 2999-12-31}]',
    });
    expect(flow.report.outputs).toMatchObject({ critical: 0, allowlisted: 1 });
  });

  it.each([
    [
      '- id: CVE-2024-6119\n  reason: ok\n  expires: 2999-13-01',
      "input 'allowlist', line 3, column 12: allowlist entry 1: expires '2999-13-01' is not a date (YYYY-MM-DD)",
    ],
    [
      '- id: CVE-2024-6119\n  reason: ok\n  expires: 2999-01-01\n  pakage: zlib',
      "input 'allowlist', line 4, column 3: allowlist entry 1: unknown key 'pakage' (allowed: id, reason, expires, package, target)",
    ],
    ['- id: [unclosed', /^input 'allowlist', line 1, column \d+: allowlist is not valid YAML: /],
  ])('an inline allowlist error names line and column in the input: %j', async (inline, message) => {
    const error = await scanImage({ allowlist: inline }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses an allowlist entry without a reason, naming its line', async () => {
    const allowlist =
      '- id: CVE-2024-6119\n  reason: ok\n  expires: 2999-01-01\n- id: CVE-2024-2961\n  expires: 2999-01-01\n';
    const error = await scanImage({ allowlist: 'allow.yml' }, { 'allow.yml': allowlist }).catch(
      (e: unknown) => e,
    );
    expect(isUserError(error)).toBe(true);
    expect(error).toMatchObject({ file: 'allow.yml', line: 4, column: 3 });
    expect((error as Error).message).toContain('reason is required');
  });

  it('requires a target for image scans', async () => {
    const error = await runTrivyWrap(
      { 'scan-type': 'image', 'trivy-path': '/bin/false' },
      { workspace: workspace() },
    ).catch((e) => e);
    expect((error as Error).message).toContain("input 'target' is required");
  });

  it.each(['image', 'fs'])(
    'refuses a %s target that Trivy would read as a flag, before running it',
    async (type) => {
      const trivy = fakeTrivy(imageReport);
      const error = await runTrivyWrap(
        { 'scan-type': type, target: '--help', 'trivy-path': trivy.bin },
        { workspace: workspace(), env: trivy.env },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(
        "input 'target' has value '--help': expected an image reference, path or URL; one starting with '-' reads as a flag (write ./-name for such a path)",
      );
      expect(existsSync(trivy.argsFile)).toBe(false);
    },
  );
});

describe('trivy-wrap on a folder and configs', () => {
  it('points language-package findings at their lockfile line', async () => {
    const ws = workspace({ 'app/package-lock.json': '{}\n' });
    const trivy = fakeTrivy(
      trivyReport(folder, [
        languagePackages('package-lock.json', 'npm', [
          {
            id: 'GHSA-952p-6rrq-rcjv',
            pkg: 'micromatch',
            installed: '4.0.5',
            fixed: '4.0.8',
            severity: 'MEDIUM',
            line: 120,
          },
          {
            id: 'CVE-2024-4068',
            pkg: 'braces',
            installed: '3.0.2',
            fixed: '3.0.3',
            severity: 'HIGH',
            nvdScore: 7.5,
            line: 40,
          },
        ]),
      ]),
    );
    const { report } = await runTrivyWrap(
      { 'scan-type': 'fs', target: 'app', 'trivy-path': trivy.bin, scanners: 'vuln,secret' },
      { workspace: ws, env: trivy.env },
    );
    expect(report.outputs).toMatchObject({ high: 1, medium: 1, gated: 1 });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'CVE-2024-4068',
      file: 'app/package-lock.json',
      line: 40,
      endLine: 49,
    });
    const args = JSON.parse(readFileSync(trivy.argsFile, 'utf8')) as string[];
    expect(args.slice(0, 1)).toEqual(['fs']);
    expect(args[args.indexOf('--scanners') + 1]).toBe('vuln,secret');
    expect(args).toContain('--list-all-pkgs');
  });

  it('gates Dockerfile and Kubernetes misconfigurations on their line ranges, and skips passed checks', async () => {
    const ws = workspace({
      'deploy/Dockerfile': 'FROM python:3.11\n',
      'deploy/k8s/vllm.yaml': 'kind: Deployment\n',
    });
    const trivy = fakeTrivy(
      trivyReport(folder, [
        misconfigurations('Dockerfile', 'dockerfile', [
          {
            id: 'DS002',
            avdId: 'AVD-DS-0002',
            title: "Image user should not be 'root'",
            severity: 'HIGH',
            start: 1,
            end: 1,
          },
          { id: 'DS026', avdId: 'AVD-DS-0026', title: 'No HEALTHCHECK defined', severity: 'LOW' },
        ]),
        misconfigurations('k8s/vllm.yaml', 'kubernetes', [
          {
            id: 'KSV001',
            avdId: 'AVD-KSV-0001',
            title: 'Can elevate its own privileges',
            severity: 'MEDIUM',
            start: 20,
            end: 35,
          },
          {
            id: 'KSV017',
            avdId: 'AVD-KSV-0017',
            title: 'Privileged container',
            severity: 'HIGH',
            start: 22,
            end: 30,
          },
          {
            id: 'KSV003',
            avdId: 'AVD-KSV-0003',
            title: 'Default capabilities not dropped',
            severity: 'LOW',
            status: 'PASS',
          },
        ]),
      ]),
    );
    const { report } = await runTrivyWrap(
      {
        'scan-type': 'config',
        target: 'deploy',
        'trivy-path': trivy.bin,
        scanners: 'vuln',
        'skip-db-update': 'true',
      },
      { workspace: ws, env: trivy.env },
    );
    expect(report.outputs).toMatchObject({ high: 2, medium: 1, low: 1, gated: 2 });
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.endLine])).toEqual([
      ['DS002', 'deploy/Dockerfile', 1, 1],
      ['KSV017', 'deploy/k8s/vllm.yaml', 22, 30],
    ]);
    const args = JSON.parse(readFileSync(trivy.argsFile, 'utf8')) as string[];
    expect(args).not.toContain('--scanners');
    expect(args).toContain('--skip-check-update');
    expect(args).not.toContain('--skip-db-update');
  });

  it('allowlists a check by its AVD id too', async () => {
    const ws = workspace({
      'allow.yml': '- id: AVD-DS-0002\n  reason: base image runs as root by design\n  expires: 2999-01-01\n',
    });
    const trivy = fakeTrivy(
      trivyReport(folder, [
        misconfigurations('Dockerfile', 'dockerfile', [
          { id: 'DS002', avdId: 'AVD-DS-0002', title: 'root', severity: 'HIGH', start: 1 },
        ]),
      ]),
    );
    const { report } = await runTrivyWrap(
      { 'scan-type': 'config', target: '.', 'trivy-path': trivy.bin, allowlist: 'allow.yml' },
      { workspace: ws, env: trivy.env },
    );
    expect(report.verdict).toBe('pass');
    expect(report.outputs).toMatchObject({ gated: 0, allowlisted: 1 });
  });

  it('gates secrets on their lines without ever echoing the match', async () => {
    const ws = workspace();
    const trivy = fakeTrivy(
      trivyReport(folder, [
        secrets('config/settings.py', [
          {
            rule: 'aws-access-key-id',
            category: 'AWS',
            severity: 'CRITICAL',
            title: 'AWS Access Key ID',
            line: 12,
          },
          { rule: 'slack-web-hook', category: 'Slack', severity: 'MEDIUM', title: 'Slack Webhook', line: 30 },
        ]),
      ]),
    );
    const { report } = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': trivy.bin },
      { workspace: ws, env: trivy.env },
    );
    expect(report.outputs).toMatchObject({ critical: 1, medium: 1, gated: 1 });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'aws-access-key-id',
      file: 'config/settings.py',
      line: 12,
      endLine: 12,
    });
    expect(JSON.stringify(report)).not.toContain('AWS_ACCESS_KEY_ID = ');
  });

  it('gates forbidden licenses by severity, and lets the allowlist accept one by name and package or target', async () => {
    const ws = workspace({ 'vendor/LICENSE': 'GNU AFFERO GENERAL PUBLIC LICENSE\n' });
    const report = trivyReport(folder, [
      licenses('license', [
        { name: 'AGPL-3.0', severity: 'CRITICAL', category: 'forbidden', pkg: 'ghostscript-py' },
        { name: 'LGPL-2.1', severity: 'MEDIUM', category: 'reciprocal', pkg: 'chardet' },
        { name: 'MIT', severity: 'LOW', category: 'notice', pkg: 'requests' },
      ]),
      licenses('license-file', [
        { name: 'AGPL-3.0', severity: 'CRITICAL', category: 'forbidden', file: 'vendor/LICENSE' },
      ]),
    ]);
    const trivy = fakeTrivy(report);
    const { report: gated } = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': trivy.bin, scanners: 'license' },
      { workspace: ws, env: trivy.env },
    );
    expect(gated.verdict).toBe('fail');
    expect(gated.outputs).toMatchObject({ critical: 2, medium: 1, low: 1, gated: 2 });
    expect(gated.findings.map((f) => [f.ruleId, f.file])).toEqual([
      ['AGPL-3.0', undefined],
      ['AGPL-3.0', 'vendor/LICENSE'],
    ]);
    expect(gated.findings[0]!.message).toContain(
      'AGPL-3.0 license (forbidden) (CRITICAL) used by ghostscript-py',
    );
    expect(new Set(gated.findings.map((f) => f.fingerprint)).size).toBe(2);

    (await import('node:fs')).writeFileSync(
      `${ws}/allow.yml`,
      [
        '- id: AGPL-3.0',
        '  reason: legal signed off on internal use',
        '  expires: 2999-01-01',
        '  package: ghostscript-py',
        '- id: agpl-3.0',
        '  reason: vendored tool, not shipped',
        '  expires: 2999-01-01',
        "  target: 'Loose File*'",
      ].join('\n'),
    );
    const allowed = fakeTrivy(report);
    const { report: passed } = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': allowed.bin, scanners: 'license', allowlist: 'allow.yml' },
      { workspace: ws, env: allowed.env },
    );
    expect(passed.verdict).toBe('pass');
    expect(passed.outputs).toMatchObject({ gated: 0, allowlisted: 2 });
  });

  it('passes an empty report (no Results at all)', async () => {
    const trivy = fakeTrivy(trivyReport(folder, undefined));
    const { report } = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': trivy.bin },
      { workspace: workspace(), env: trivy.env },
    );
    expect(report.verdict).toBe('pass');
    expect(report.outputs).toMatchObject({ critical: 0, high: 0, medium: 0, low: 0, unknown: 0, gated: 0 });
    expect(report.findings).toEqual([]);
  });

  it('reads a report with fields it does not know', async () => {
    const result = osPackages([
      { id: 'CVE-2024-6119', pkg: 'openssl', installed: '3.0.11-1', severity: 'SEVERE' },
    ]);
    const withExtras = trivyReport(image, [{ ...result, Licenses: [], FutureField: { nested: [1, 2] } }], {
      Trivy: { Version: '0.70.0' },
      ReportID: 'abc',
    });
    (
      withExtras.Results as Array<{ Vulnerabilities: Array<Record<string, unknown>> }>
    )[0]!.Vulnerabilities[0]!.Exploitability = 'high';
    const trivy = fakeTrivy(withExtras);
    const { report } = await runTrivyWrap(
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin },
      { workspace: workspace(), env: trivy.env },
    );
    // An unknown severity counts as UNKNOWN, which gates only when listed.
    expect(report.outputs).toMatchObject({ unknown: 1, gated: 0 });
    expect(report.metrics).toContainEqual(['Trivy', '0.70.0']);
  });

  it('refuses JSON that is not a Trivy report, with a clear error', async () => {
    const trivy = fakeTrivy({ version: '2.1.0', runs: [] });
    const error = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': trivy.bin },
      { workspace: workspace(), env: trivy.env },
    ).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Trivy output is not a Trivy JSON report: it has no SchemaVersion (was it written with --format json?)',
    );
  });
});

describe("Trivy's own failures", () => {
  it('reports the exit code and stderr as inconclusive, never as findings', async () => {
    const stderr = [
      '2026-11-20T10:15:04Z\tINFO\tNeed to update DB',
      '2026-11-20T10:15:05Z\tFATAL\tinit error: DB error: failed to download vulnerability DB: TOOMANYREQUESTS: retry-after: 1.2ms',
    ].join('\n');
    const trivy = fakeTrivy(
      trivyReport(image, [osPackages([{ id: 'CVE-1', pkg: 'x', installed: '1', severity: 'CRITICAL' }])]),
      {
        exit: 1,
        stderr,
      },
    );
    const { report } = await runTrivyWrap(
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin },
      { workspace: workspace(), env: trivy.env },
    );
    expect(report.verdict).toBe('inconclusive');
    expect(report.findings).toEqual([]);
    expect(report.outputs).toEqual({});
    expect(report.reasons[0]).toContain('Trivy exited with code 1');
    expect(report.reasons[0]).toContain('TOOMANYREQUESTS');
    expect(report.reasons[1]).toContain('skip-db-update');
  });

  it('says so when Trivy exits 0 without writing its report', async () => {
    const trivy = fakeTrivy(undefined, { stderr: 'something odd' });
    const error = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': trivy.bin },
      { workspace: workspace(), env: trivy.env },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toContain('Trivy exited 0 but wrote no report');
  });

  it('stops a Trivy stuck past its timeout and the child holding its stderr, with an inconclusive report', async () => {
    const trivy = fakeTrivy(imageReport, { hang: true, orphan: true });
    const started = Date.now();
    const { report } = await runTrivyWrap(
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin, timeout: '1s' },
      { workspace: workspace(), env: trivy.env },
    );
    // 1 s timeout + 2 s for Trivy to honour it itself; before, this waited on the orphan for 10 minutes.
    expect(Date.now() - started).toBeLessThan(8000);
    expect(report.verdict).toBe('inconclusive');
    expect(report.reasons[0]).toMatch(/^Trivy was killed after hanging past its timeout/);
    expect(await gone(Number(readFileSync(trivy.orphanPidFile, 'utf8')))).toBe(true);
  });

  it('does not wait on a child that Trivy left holding its stderr after it finished', async () => {
    const trivy = fakeTrivy(imageReport, { orphan: true });
    const started = Date.now();
    const { report } = await runTrivyWrap(
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin },
      { workspace: workspace(), env: trivy.env },
    );
    expect(Date.now() - started).toBeLessThan(6000);
    expect(report.verdict).toBe('fail');
    expect(await gone(Number(readFileSync(trivy.orphanPidFile, 'utf8')))).toBe(true);
  });

  it('says so when trivy-path cannot be run', async () => {
    const error = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': 'no/such/trivy' },
      { workspace: workspace() },
    ).catch((e) => e);
    expect((error as Error).message).toMatch(/cannot run Trivy at .*no\/such\/trivy: ENOENT/);
  });
});

describe("the workspace's Trivy settings", () => {
  it('never lets trivy.yaml, .trivyignore or TRIVY_* variables filter findings before the gate', async () => {
    const ws = workspace({
      'trivy.yaml': 'severity: [CRITICAL]\nscan:\n  skip-dirs: [app]\n',
      '.trivyignore': 'CVE-2024-6119\n',
    });
    const trivy = fakeTrivy(imageReport);
    const envFile = `${ws}/../${path.basename(ws)}-env.json`;
    const { report, log } = await runTrivyWrap(
      { 'scan-type': 'image', target: image.name, 'trivy-path': trivy.bin },
      {
        workspace: ws,
        env: {
          ...trivy.env,
          FAKE_TRIVY_ENV: envFile,
          TRIVY_SEVERITY: 'CRITICAL',
          TRIVY_IGNORE_UNFIXED: 'true',
          TRIVY_IGNOREFILE: `${ws}/.trivyignore`,
          TRIVY_SKIP_DIRS: 'usr',
          TRIVY_EXIT_CODE: '1',
          TRIVY_DB_REPOSITORY: 'mirror.example/trivy-db',
        },
      },
    );
    const args = JSON.parse(readFileSync(trivy.argsFile, 'utf8')) as string[];
    const after = (flag: string) => args[args.indexOf(flag) + 1]!;
    expect(after('--severity')).toBe('UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL');
    expect(after('--config')).toMatch(/llmops-trivy-.*\/empty\.yaml$/);
    expect(after('--config').startsWith(ws)).toBe(false);
    expect(after('--ignorefile')).toMatch(/llmops-trivy-.*\/empty\.trivyignore$/);
    expect(JSON.parse(readFileSync(envFile, 'utf8'))).toEqual({
      TRIVY_DB_REPOSITORY: 'mirror.example/trivy-db',
    });
    expect(log.join('\n')).toContain(
      'Not passing TRIVY_EXIT_CODE, TRIVY_IGNOREFILE, TRIVY_IGNORE_UNFIXED, TRIVY_SEVERITY, TRIVY_SKIP_DIRS to Trivy',
    );
    expect(report.outputs).toMatchObject({ critical: 1, high: 2, gated: 3 });
  });
});

describe('trivyignores', () => {
  it('passes one file as --ignorefile, and joins several into one', async () => {
    const ws = workspace({ '.trivyignore': 'CVE-2024-1\n', 'sec/extra.trivyignore': 'CVE-2024-2\n' });
    const trivy = fakeTrivy(trivyReport(folder, []));
    await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': trivy.bin, trivyignores: '.trivyignore' },
      { workspace: ws, env: trivy.env },
    );
    const args = JSON.parse(readFileSync(trivy.argsFile, 'utf8')) as string[];
    expect(args[args.indexOf('--ignorefile') + 1]).toBe(`${ws}/.trivyignore`);

    // The joined file lives in a temp folder removed after the run, so record it from the fake.
    const joinedCopy = `${ws}/joined`;
    const recorder = fakeTrivy(trivyReport(folder, []));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      recorder.bin,
      `#!/usr/bin/env node\nconst fs=require('node:fs');const a=process.argv.slice(2);fs.copyFileSync(a[a.indexOf('--ignorefile')+1], ${JSON.stringify(joinedCopy)});fs.copyFileSync(process.env.FAKE_TRIVY_REPORT,a[a.indexOf('--output')+1]);\n`,
    );
    await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': recorder.bin, trivyignores: '.trivyignore, sec/extra.trivyignore' },
      { workspace: ws, env: recorder.env },
    );
    expect(readFileSync(joinedCopy, 'utf8')).toBe('CVE-2024-1\n\nCVE-2024-2\n');
  });

  it('refuses an ignore file outside the workspace', async () => {
    const error = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': '/bin/true', trivyignores: '../../etc/passwd' },
      { workspace: workspace() },
    ).catch((e) => e);
    expect((error as Error).message).toContain(
      "input 'trivyignores' '../../etc/passwd' resolves outside the workspace",
    );
  });
});
