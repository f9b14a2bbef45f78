import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { publish, renderSarif, type Finding, type Runtime } from '@llmops/core';
import { bySeverity, buildReport, toFinding, trivyWrapCommand, type ScanFinding } from '@llmops/trivy';
import { sarifSchemaErrors } from './harness';
import {
  fakeTrivy,
  languagePackages,
  misconfigurations,
  osPackages,
  secrets,
  trivyReport,
  workspace,
} from './reports';
import { runTrivyWrap } from './harness';

// Loosely typed on purpose: the tests walk SARIF's nested objects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
type SarifRun = { tool: { driver: { rules: Loose[] } }; results: Loose[] };
const runOf = (sarif: object) => (sarif as { runs: SarifRun[] }).runs[0]!;

function quietRuntime(): Runtime & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    info: () => {},
    warning: (w) => warnings.push(w),
    annotate: () => {},
    setOutput: () => {},
    fail: () => {},
    warnings,
  };
}

describe('SARIF for code scanning', () => {
  it('is valid SARIF 2.1.0: one rule per id with help, link and security-severity, and line ranges', async () => {
    const ws = workspace({ 'package-lock.json': '{}\n' });
    const trivy = fakeTrivy(
      trivyReport({ name: '.', type: 'filesystem' }, [
        languagePackages('package-lock.json', 'npm', [
          {
            id: 'CVE-2024-4068',
            pkg: 'braces',
            installed: '3.0.2',
            fixed: '3.0.3',
            severity: 'HIGH',
            nvdScore: 7.5,
            line: 40,
          },
          {
            id: 'CVE-2024-4068',
            pkg: 'braces',
            installed: '2.3.2',
            fixed: '3.0.3',
            severity: 'HIGH',
            nvdScore: 7.5,
            line: 90,
            uid: 'b2',
          },
        ]),
        misconfigurations('k8s/vllm.yaml', 'kubernetes', [
          {
            id: 'KSV017',
            avdId: 'AVD-KSV-0017',
            title: 'Privileged container',
            severity: 'HIGH',
            start: 22,
            end: 30,
          },
        ]),
        secrets('.env', [
          {
            rule: 'github-pat',
            category: 'GitHub',
            severity: 'CRITICAL',
            title: 'GitHub Personal Access Token',
            line: 3,
          },
        ]),
        osPackages([{ id: 'CVE-2024-6119', pkg: 'openssl', installed: '3.0.11-1', severity: 'LOW' }]),
      ]),
    );
    const { report } = await runTrivyWrap(
      { 'scan-type': 'fs', 'trivy-path': trivy.bin, 'sarif-path': 'out/trivy.sarif' },
      { workspace: ws, env: trivy.env },
    );
    await publish(report, trivyWrapCommand, { 'sarif-path': 'out/trivy.sarif' }, quietRuntime(), ws);
    const sarif = JSON.parse(readFileSync(path.join(ws, 'out/trivy.sarif'), 'utf8'));
    expect(sarifSchemaErrors(sarif)).toEqual([]);

    const run = runOf(sarif);
    // Gated only (the LOW openssl finding stays out), one rule per id.
    expect(run.results).toHaveLength(4);
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual(['CVE-2024-4068', 'KSV017', 'github-pat']);
    const cve = run.tool.driver.rules.find((r) => r.id === 'CVE-2024-4068')!;
    expect(cve.properties['security-severity']).toBe('7.5');
    expect(cve.helpUri).toBe('https://avd.aquasec.com/nvd/cve-2024-4068');
    expect(cve.help.text).toContain('A flaw was found in braces.');
    const secretRule = run.tool.driver.rules.find((r) => r.id === 'github-pat')!;
    expect(secretRule.properties['security-severity']).toBe('9.5');
    const ksv = run.results.find((r) => r.ruleId === 'KSV017')!;
    expect(ksv.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'k8s/vllm.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 22, endLine: 30 },
    });
    const lockLines = run.results
      .filter((r) => r.ruleId === 'CVE-2024-4068')
      .map((r) => r.locations[0].physicalLocation.region.startLine);
    expect(lockLines.sort()).toEqual([40, 90]);
  });

  it('caps at 25,000 results, most severe kept, and says so', async () => {
    const many: ScanFinding[] = Array.from({ length: 25_010 }, (_, i) => ({
      kind: 'vulnerability',
      // Few distinct ids, as in a real image: many packages share a CVE.
      id: i < 10 ? 'CVE-2026-9999' : `CVE-2026-${i % 50}`,
      aliases: [],
      severity: i < 10 ? 'CRITICAL' : 'HIGH',
      target: 'img (debian 12.5)',
      pkg: `pkg${i}`,
      installed: '1.0',
      title: 't',
      file: 'Dockerfile',
      line: 1,
      status: 'gated',
    }));
    const report = buildReport(
      { findings: many, entries: [] },
      { artifact: 'img', gate: ['CRITICAL', 'HIGH'] },
    );
    const { sarif, capped } = renderSarif(report, {
      toolName: 'llmops-trivy-wrap',
      version: '1',
      informationUri: 'https://x',
    });
    expect(capped).toBe(10);
    const results = runOf(sarif).results;
    expect(results).toHaveLength(25_000);
    expect(results.slice(0, 10).every((r) => r.ruleId === 'CVE-2026-9999')).toBe(true);

    const runtime = quietRuntime();
    const ws = workspace();
    await publish(report, trivyWrapCommand, { 'sarif-path': 't.sarif' }, runtime, ws);
    expect(runtime.warnings.join('\n')).toContain('10 findings left out');
  });

  it('is rendered once, by publish, which alone says when it is capped', async () => {
    const vulns = Array.from({ length: 25_010 }, (_, i) => ({
      VulnerabilityID: `CVE-2026-${i % 50}`,
      PkgName: `pkg${i}`,
      InstalledVersion: '1.0',
      Severity: 'HIGH',
    }));
    const trivy = fakeTrivy(
      trivyReport({ name: 'img', type: 'container_image' }, [
        { Target: 'img (debian 12.5)', Vulnerabilities: vulns },
      ]),
    );
    const ws = workspace();
    const { report } = await runTrivyWrap(
      { 'scan-type': 'image', target: 'img', 'trivy-path': trivy.bin, 'sarif-path': 't.sarif' },
      { workspace: ws, env: trivy.env },
    );
    // The command leaves SARIF to publish: nothing in its report is about the SARIF file.
    expect(JSON.stringify(report.tables)).not.toContain('SARIF');
    const runtime = quietRuntime();
    await publish(report, trivyWrapCommand, { 'sarif-path': 't.sarif' }, runtime, ws);
    expect(runtime.warnings.filter((w) => w.includes('SARIF'))).toEqual([
      "SARIF capped to fit code scanning's limits (25,000 results, 10 MB): 10 findings left out",
    ]);
  }, 60_000);

  it('caps at 10 MB gzip-compressed', () => {
    // Long help texts on distinct rules, random so that they do not compress away.
    const findings: Finding[] = Array.from({ length: 4_000 }, (_, i) =>
      toFinding({
        kind: 'vulnerability',
        id: `CVE-2026-${i}`,
        aliases: [],
        severity: 'HIGH',
        target: 'img',
        pkg: 'p',
        installed: '1',
        title: 't',
        description: randomBytes(3_000).toString('base64'),
        file: 'Dockerfile',
        status: 'gated',
      }),
    );
    const report = {
      ...buildReport({ findings: [], entries: [] }, { artifact: 'img', gate: ['HIGH' as const] }),
      findings,
    };
    const { sarif, capped } = renderSarif(report, {
      toolName: 'llmops-trivy-wrap',
      version: '1',
      informationUri: 'https://x',
    });
    const bytes = gzipSync(JSON.stringify(sarif, null, 2)).length;
    expect(bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(bytes).toBeGreaterThan(9 * 1024 * 1024);
    expect(capped).toBeGreaterThan(0);
    expect(runOf(sarif).results).toHaveLength(4_000 - capped);
  });

  it('orders gated findings most severe first, by CVSS among equals', () => {
    const f = (id: string, severity: 'CRITICAL' | 'HIGH', cvss?: number): ScanFinding => ({
      kind: 'vulnerability',
      id,
      aliases: [],
      severity,
      target: 't',
      title: id,
      cvss,
      status: 'gated',
    });
    expect(
      [f('a', 'HIGH', 7.1), f('b', 'CRITICAL', 9.1), f('c', 'HIGH', 8.8)].sort(bySeverity).map((x) => x.id),
    ).toEqual(['b', 'c', 'a']);
  });

  it('gives findings that share a rule and a line distinct fingerprints, so code scanning keeps both alerts', () => {
    const f = (pkg: string): ScanFinding => ({
      kind: 'vulnerability',
      id: 'CVE-2024-0001',
      aliases: [],
      severity: 'HIGH',
      target: 'registry.local/vllm:1 (debian 12)',
      pkg,
      installed: '1.0',
      title: 'bug',
      file: 'Dockerfile',
      line: 3,
      status: 'gated',
    });
    const report = buildReportForSarif([toFinding(f('openssl')), toFinding(f('libssl3'))]);
    const { sarif } = renderSarif(report, { toolName: 't', version: '1', informationUri: 'https://x' });
    const prints = runOf(sarif).results.map((r) => r.partialFingerprints?.['llmops/v1']);
    expect(new Set(prints).size).toBe(2);
    expect(sarifSchemaErrors(sarif)).toEqual([]);
  });
});

function buildReportForSarif(findings: Finding[]) {
  return {
    action: 'trivy-wrap',
    verdict: 'fail' as const,
    headline: '',
    reasons: [],
    metrics: [],
    tables: [],
    findings,
    outputs: {},
  };
}
