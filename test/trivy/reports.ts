// Trivy JSON reports (SchemaVersion 2) as Trivy writes them — field names and nesting follow
// pkg/types/report.go, DetectedVulnerability, DetectedMisconfiguration and SecretFinding in
// aquasecurity/trivy, including fields we do not read, so the parser meets the real shape.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/run-bundle';

type Json = Record<string, unknown>;

export function trivyReport(
  artifact: { name: string; type: string },
  results: Json[] | undefined,
  extra: Json = {},
): Json {
  return {
    SchemaVersion: 2,
    CreatedAt: '2026-11-20T10:15:04.123456789Z',
    ArtifactName: artifact.name,
    ArtifactType: artifact.type,
    Metadata: artifact.type === 'container_image' ? imageMetadata() : {},
    ...(results ? { Results: results } : {}),
    ...extra,
  };
}

function imageMetadata(): Json {
  return {
    Size: 2_147_483_648,
    OS: { Family: 'debian', Name: '12.5' },
    ImageID: `sha256:${'1'.repeat(64)}`,
    DiffIDs: [`sha256:${'2'.repeat(64)}`],
    RepoTags: ['ghcr.io/acme/llm-server:1.4.0'],
    RepoDigests: [`ghcr.io/acme/llm-server@sha256:${'3'.repeat(64)}`],
    ImageConfig: { architecture: 'amd64', os: 'linux', config: { User: 'app' } },
  };
}

export interface VulnSpec {
  id: string;
  pkg: string;
  installed: string;
  fixed?: string;
  severity: string;
  title?: string;
  nvdScore?: number;
  uid?: string;
}

export function vulnerability(spec: VulnSpec): Json {
  return {
    VulnerabilityID: spec.id,
    PkgID: `${spec.pkg}@${spec.installed}`,
    PkgName: spec.pkg,
    PkgIdentifier: { PURL: `pkg:generic/${spec.pkg}@${spec.installed}`, UID: spec.uid ?? `${spec.pkg}-uid` },
    InstalledVersion: spec.installed,
    ...(spec.fixed ? { FixedVersion: spec.fixed } : {}),
    Status: spec.fixed ? 'fixed' : 'affected',
    Layer: { Digest: `sha256:${'4'.repeat(64)}`, DiffID: `sha256:${'2'.repeat(64)}` },
    SeveritySource: 'nvd',
    PrimaryURL: `https://avd.aquasec.com/nvd/${spec.id.toLowerCase()}`,
    DataSource: {
      ID: 'debian',
      Name: 'Debian Security Tracker',
      URL: 'https://salsa.debian.org/security-tracker-team/security-tracker',
    },
    Title: spec.title ?? `${spec.pkg}: flaw in ${spec.pkg}`,
    Description: `A flaw was found in ${spec.pkg}.`,
    Severity: spec.severity,
    CweIDs: ['CWE-787'],
    ...(spec.nvdScore !== undefined
      ? {
          CVSS: {
            nvd: { V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', V3Score: spec.nvdScore },
            redhat: { V3Vector: 'CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', V3Score: 1.1 },
          },
        }
      : {}),
    References: [`https://nvd.nist.gov/vuln/detail/${spec.id}`],
    PublishedDate: '2024-04-17T18:15:15.93Z',
    LastModifiedDate: '2024-07-03T02:06:40.18Z',
  };
}

/** An image's OS packages (Class os-pkgs). */
export function osPackages(vulns: VulnSpec[]): Json {
  return {
    Target: 'ghcr.io/acme/llm-server:1.4.0 (debian 12.5)',
    Class: 'os-pkgs',
    Type: 'debian',
    Vulnerabilities: vulns.map(vulnerability),
  };
}

/** A lockfile's packages (Class lang-pkgs), with the lines Trivy gives with --list-all-pkgs. */
export function languagePackages(
  target: string,
  type: string,
  vulns: Array<VulnSpec & { line?: number }>,
): Json {
  return {
    Target: target,
    Class: 'lang-pkgs',
    Type: type,
    Packages: vulns.map((v) => ({
      ID: `${v.pkg}@${v.installed}`,
      Name: v.pkg,
      Identifier: { PURL: `pkg:npm/${v.pkg}@${v.installed}`, UID: v.uid ?? `${v.pkg}-uid` },
      Version: v.installed,
      Relationship: 'direct',
      Layer: {},
      ...(v.line ? { Locations: [{ StartLine: v.line, EndLine: v.line + 9 }] } : {}),
    })),
    Vulnerabilities: vulns.map(vulnerability),
  };
}

export interface MisconfSpec {
  id: string;
  avdId: string;
  title: string;
  severity: string;
  status?: 'FAIL' | 'PASS';
  start?: number;
  end?: number;
  message?: string;
}

export function misconfigurations(
  target: string,
  type: 'dockerfile' | 'kubernetes',
  checks: MisconfSpec[],
): Json {
  const provider = type === 'dockerfile' ? 'Dockerfile' : 'Kubernetes';
  return {
    Target: target,
    Class: 'config',
    Type: type,
    MisconfSummary: {
      Successes: checks.filter((c) => c.status === 'PASS').length,
      Failures: checks.filter((c) => c.status !== 'PASS').length,
    },
    Misconfigurations: checks.map((c) => ({
      Type: `${provider} Security Check`,
      ID: c.id,
      AVDID: c.avdId,
      Title: c.title,
      Description: `${c.title}: see the check's documentation.`,
      Message: c.message ?? `${c.title} (${c.id})`,
      Namespace: `builtin.${type}.${c.id}`,
      Query: `data.builtin.${type}.${c.id}.deny`,
      Resolution: 'Change the configuration as the check describes.',
      Severity: c.severity,
      PrimaryURL: `https://avd.aquasec.com/misconfig/${c.id.toLowerCase()}`,
      References: ['https://avd.aquasec.com/misconfig/' + c.id.toLowerCase()],
      Status: c.status ?? 'FAIL',
      Layer: {},
      CauseMetadata: {
        Provider: provider,
        Service: 'general',
        ...(c.start ? { StartLine: c.start, EndLine: c.end ?? c.start } : {}),
        Code: c.start
          ? {
              Lines: [
                {
                  Number: c.start,
                  Content: 'FROM python:3.11',
                  IsCause: true,
                  Annotation: '',
                  Truncated: false,
                  FirstCause: true,
                  LastCause: true,
                },
              ],
            }
          : { Lines: null },
      },
    })),
  };
}

export function secrets(
  target: string,
  found: Array<{ rule: string; category: string; severity: string; title: string; line: number }>,
): Json {
  return {
    Target: target,
    Class: 'secret',
    Secrets: found.map((s) => ({
      RuleID: s.rule,
      Category: s.category,
      Severity: s.severity,
      Title: s.title,
      StartLine: s.line,
      EndLine: s.line,
      Code: {
        Lines: [{ Number: s.line, Content: 'AWS_ACCESS_KEY_ID = "********************"', IsCause: true }],
      },
      Match: 'AWS_ACCESS_KEY_ID = "********************"',
      Layer: {},
    })),
  };
}

/**
 * License findings as Trivy writes them with `--scanners license` (DetectedLicense): package
 * licenses (Class `license`, PkgName set) and licenses found in files (Class `license-file`).
 */
export function licenses(
  kind: 'license' | 'license-file',
  found: Array<{ name: string; severity: string; category: string; pkg?: string; file?: string }>,
): Json {
  return {
    Target: kind === 'license' ? 'Python' : 'Loose File License(s)',
    Class: kind,
    Licenses: found.map((l) => ({
      Severity: l.severity,
      Category: l.category,
      PkgName: l.pkg ?? '',
      FilePath: l.file ?? '',
      Name: l.name,
      Text: '',
      Confidence: 1,
      Link: `https://spdx.org/licenses/${l.name}.html`,
    })),
  };
}

/** A temp folder with a fake `trivy` (see fixtures/trivy/fake-trivy.mjs) and a report for it to write. */
export function fakeTrivy(
  report: Json | string | undefined,
  options: {
    exit?: number;
    stderr?: string;
    /** Leave a child sleeping 10 minutes with our stderr (its pid in `orphanPidFile`). */
    orphan?: boolean;
    /** Never finish: a Trivy stuck past its own --timeout. */
    hang?: boolean;
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-trivy-'));
  const bin = path.join(dir, 'trivy');
  copyFileSync(path.join(repoRoot, 'test/fixtures/trivy/fake-trivy.mjs'), bin);
  chmodSync(bin, 0o755);
  const reportFile = path.join(dir, 'report.json');
  const argsFile = path.join(dir, 'args.json');
  const orphanPidFile = path.join(dir, 'orphan.pid');
  if (report !== undefined)
    writeFileSync(reportFile, typeof report === 'string' ? report : JSON.stringify(report));
  const env: Record<string, string> = {
    FAKE_TRIVY_ARGS: argsFile,
    FAKE_TRIVY_EXIT: String(options.exit ?? 0),
    ...(report !== undefined ? { FAKE_TRIVY_REPORT: reportFile } : {}),
    ...(options.stderr ? { FAKE_TRIVY_STDERR: options.stderr } : {}),
    ...(options.orphan ? { FAKE_TRIVY_ORPHAN: orphanPidFile } : {}),
    ...(options.hang ? { FAKE_TRIVY_HANG: '1' } : {}),
  };
  return { bin, env, argsFile, orphanPidFile };
}

/** A workspace folder with files in it. */
export function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trivy-ws-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Whether a process has ended (a zombie not yet reaped counts as ended), within a second. */
export async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    try {
      process.kill(pid, 0);
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
