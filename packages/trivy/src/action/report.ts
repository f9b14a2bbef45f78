import { redactSecrets, type Cell, type Finding, type Report, type Table } from '@llmops/core';
import type { EntryUse, GateResult, ScanFinding } from '../findings';
import { bySeverity } from '../findings';
import type { TrivyExit } from '../run-trivy';
import { fallbackScore, SEVERITIES, type Severity } from '../severity';
import type { TrivyWrapPlan } from './plan';
import { lastLines, type TrivyWrapResult } from './run';

const ACTION = 'trivy-wrap';
export const EXPIRED_RULE = 'trivy-wrap/expired-allowlist';
const SECRET_DOCS = 'https://trivy.dev/latest/docs/scanner/secret/';
const TOP_ROWS = 200;

export interface ScanSummary {
  artifact: string;
  artifactType?: string;
  trivyVersion?: string;
  gate: Severity[];
  allowlistFile?: string;
}

export type SeverityCounts = Record<Severity, number>;

function emptyCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}

const isOpen = (f: ScanFinding) => f.status === 'gated' || f.status === 'open';

function where(f: ScanFinding): string {
  return f.kind === 'vulnerability' ? `${f.pkg ?? '?'} ${f.installed ?? ''}`.trim() : f.target;
}

function message(f: ScanFinding): string {
  const sev = f.severity;
  if (f.kind === 'vulnerability') {
    const fix = f.fixed ? `fixed in ${f.fixed}` : 'no fixed version yet';
    return `${f.id} (${sev}) in ${where(f)}, ${fix}: ${f.title} [${f.target}]`;
  }
  if (f.kind === 'misconfiguration') return `${f.id} (${sev}): ${f.detail || f.title} [${f.target}]`;
  if (f.kind === 'license') {
    const used = f.pkg ? `used by ${f.pkg}` : `in ${f.file ?? f.target}`;
    return `${f.title} (${sev}) ${used} [${f.target}]`;
  }
  return `${f.title} (${sev}, ${f.detail ?? 'secret'}) in ${f.target}`;
}

function help(f: ScanFinding): string {
  const parts = [f.description || f.title];
  if (f.resolution) parts.push(`Resolution: ${f.resolution}`);
  if (f.kind === 'vulnerability')
    parts.push('Upgrade the package to a fixed version, or rebuild on a base image that has one.');
  if (f.kind === 'secret')
    parts.push('Remove the secret from the repository and its history, and rotate it.');
  if (f.kind === 'license')
    parts.push(
      'Replace the component, or record the legal sign-off as an allowlist entry (id: the license name, package: the package).',
    );
  const url = f.url ?? (f.kind === 'secret' ? SECRET_DOCS : undefined);
  if (url) parts.push(url);
  return parts.join('\n\n');
}

/** A gated Trivy finding as the report model's finding: annotation, SARIF result and rule. */
export function toFinding(f: ScanFinding): Finding {
  return {
    ruleId: f.id,
    level: 'error',
    message: message(f),
    file: f.file,
    line: f.line,
    endLine: f.endLine,
    title: f.kind === 'vulnerability' ? `${f.id}: ${f.title}` : f.title,
    help: help(f),
    helpUri: f.url ?? (f.kind === 'secret' ? SECRET_DOCS : undefined),
    securitySeverity: f.cvss ?? fallbackScore(f.severity),
    // Image findings share a rule and the FROM line: the target and package keep alerts apart.
    fingerprint: [f.id, f.target, f.pkg ?? '', f.installed ?? '', f.line ?? '']
      .concat(f.kind === 'license' ? [f.file ?? ''] : [])
      .join('|'),
  };
}

/** `file` is the allowlist file; an inline list (the input) has none, so its line goes in the message. */
function expiredFinding(use: EntryUse, file: string | undefined): Finding {
  const e = use.entry;
  const what = use.matched
    ? `it no longer suppresses ${use.matched} finding${use.matched === 1 ? '' : 's'}`
    : 'it matches no finding';
  return {
    ruleId: EXPIRED_RULE,
    level: 'warning',
    title: `Allowlist entry ${e.id} expired`,
    message: `${file ? '' : `input 'allowlist', line ${e.line}: `}Allowlist entry ${e.id} expired on ${e.expires}: ${what}. Fix it, or renew the entry with a new reason.`,
    ...(file ? { file, line: e.line } : {}),
    help: 'An allowlist entry accepts a risk until its `expires` date. After that the finding counts again, so someone looks at it anew.',
  };
}

function countsTable(findings: ScanFinding[]): Table {
  const byTarget = new Map<string, { type?: string; counts: SeverityCounts; allowlisted: number }>();
  for (const f of findings) {
    if (f.status === 'unfixed') continue;
    const row = byTarget.get(f.target) ?? { type: f.type, counts: emptyCounts(), allowlisted: 0 };
    if (f.status === 'allowlisted') row.allowlisted++;
    else row.counts[f.severity]++;
    byTarget.set(f.target, row);
  }
  return {
    title: 'Findings by target',
    columns: ['Target', 'Type', 'Critical', 'High', 'Medium', 'Low', 'Unknown', 'Allowlisted'],
    rows: [...byTarget].map(([target, r]) => [
      target,
      r.type,
      ...SEVERITIES.map((s) => r.counts[s]),
      r.allowlisted,
    ]),
  };
}

function topTable(findings: ScanFinding[]): Table {
  const open = findings.filter(isOpen).sort(bySeverity);
  const location = (f: ScanFinding): Cell =>
    f.file ? [f.file, f.line].filter((p) => p !== undefined).join(':') : f.target;
  const hidden = open.length - Math.min(open.length, TOP_ROWS);
  return {
    title: 'Top findings',
    columns: ['Severity', 'ID', 'Package or check', 'Installed', 'Fixed', 'Location', 'Title'],
    rows: open
      .slice(0, TOP_ROWS)
      .map((f) => [
        f.severity,
        f.id,
        f.kind === 'vulnerability' || (f.kind === 'license' && f.pkg) ? f.pkg : f.kind,
        f.installed,
        f.fixed,
        location(f),
        f.title,
      ]),
    note: hidden > 0 ? `${hidden} more findings in the JSON report.` : undefined,
  };
}

function allowlistTable(entries: EntryUse[]): Table {
  return {
    title: 'Allowlist',
    columns: ['ID', 'Package', 'Target', 'Expires', 'Status', 'Matches', 'Reason'],
    rows: entries.map((u) => [
      u.entry.id,
      u.entry.package,
      u.entry.target,
      u.entry.expires,
      u.expired ? 'expired' : 'active',
      u.matched,
      u.entry.reason,
    ]),
  };
}

/** The one report: verdict from the gated findings, counts, tables, and findings for annotations and SARIF. */
export function buildReport(result: GateResult, scan: ScanSummary): Report {
  const counts = emptyCounts();
  for (const f of result.findings) if (isOpen(f)) counts[f.severity]++;
  const gated = result.findings.filter((f) => f.status === 'gated').sort(bySeverity);
  const allowlisted = result.findings.filter((f) => f.status === 'allowlisted').length;
  const unfixed = result.findings.filter((f) => f.status === 'unfixed').length;
  const expired = result.entries.filter((u) => u.expired);
  const gate = scan.gate.join(', ');
  const below = result.findings.filter((f) => f.status === 'open').length;

  const verdict = gated.length ? 'fail' : 'pass';
  const reasons: string[] = [];
  if (gated.length) {
    const bySev = SEVERITIES.map((s) => [s, gated.filter((f) => f.severity === s).length] as const).filter(
      ([, n]) => n,
    );
    reasons.push(`${bySev.map(([s, n]) => `${n} ${s}`).join(', ')} not allowlisted (gate: ${gate})`);
    const revived = gated.filter((f) => f.allowlistLine !== undefined).length;
    if (revived) reasons.push(`${revived} of them had an allowlist entry that has expired`);
  }
  const extras = [
    below ? `${below} below the gate` : '',
    allowlisted ? `${allowlisted} allowlisted` : '',
    unfixed ? `${unfixed} without a fix skipped` : '',
  ].filter(Boolean);
  const headline =
    (gated.length
      ? `${gated.length} finding${gated.length === 1 ? '' : 's'} at ${gate} in ${scan.artifact}`
      : `No findings at ${gate} in ${scan.artifact}`) + (extras.length ? ` (${extras.join(', ')})` : '');

  const findings = [...expired.map((u) => expiredFinding(u, scan.allowlistFile)), ...gated.map(toFinding)];
  const tables = [countsTable(result.findings), topTable(result.findings)];
  if (result.entries.length) tables.push(allowlistTable(result.entries));

  return {
    action: ACTION,
    verdict,
    headline,
    reasons,
    metrics: [
      ['Critical', counts.CRITICAL],
      ['High', counts.HIGH],
      ['Medium', counts.MEDIUM],
      ['Low', counts.LOW],
      ['Unknown', counts.UNKNOWN],
      ['Gated', gated.length],
      ['Allowlisted', allowlisted],
      ...(expired.length ? ([['Expired allowlist entries', expired.length]] as Array<[string, number]>) : []),
      ...(scan.trivyVersion ? ([['Trivy', scan.trivyVersion]] as Array<[string, string]>) : []),
    ],
    tables,
    findings,
    outputs: {
      critical: counts.CRITICAL,
      high: counts.HIGH,
      medium: counts.MEDIUM,
      low: counts.LOW,
      unknown: counts.UNKNOWN,
      gated: gated.length,
      allowlisted,
      'expired-allowlist': expired.length,
    },
    data: {
      artifact: scan.artifact,
      artifactType: scan.artifactType,
      trivyVersion: scan.trivyVersion,
      gate: scan.gate,
      counts,
      findings: result.findings,
      allowlist: result.entries.map((u) => ({ ...u.entry, expired: u.expired, matched: u.matched })),
    },
  };
}

/** Trivy itself failed: no verdict on the image, and never a pass. */
function failedScanReport(exit: TrivyExit, target: string): Report {
  const how = exit.timedOut
    ? 'was killed after hanging past its timeout'
    : exit.exitCode === null
      ? `was stopped by ${exit.signal}`
      : `exited with code ${exit.exitCode}`;
  const stderr = redactSecrets(lastLines(exit.stderr, 8));
  const reasons = [`Trivy ${how}${stderr ? `: ${stderr}` : ' and wrote nothing to stderr'}`];
  if (/TOOMANYREQUESTS|rate.?limit|429/i.test(exit.stderr)) {
    reasons.push(
      'The vulnerability database download was rate-limited: cache the database with actions/cache and set skip-db-update (see the trivy-wrap usage in the README).',
    );
  }
  return {
    action: ACTION,
    verdict: 'inconclusive',
    headline: `Trivy failed to scan ${target}: no verdict`,
    reasons,
    metrics: [],
    tables: [],
    findings: [],
    outputs: {},
    data: {
      trivy: {
        exitCode: exit.exitCode,
        signal: exit.signal,
        timedOut: exit.timedOut,
        stderr: redactSecrets(exit.stderr),
      },
    },
  };
}

/** The report of a run: the gate's, or Trivy's own failure. */
export function reportTrivyWrap(result: TrivyWrapResult, plan: TrivyWrapPlan): Report {
  if ('failed' in result) return failedScanReport(result.failed, plan.target);
  // publish renders the SARIF file (when sarif-path is set) and warns if code scanning's limits cap it.
  return buildReport(result.gate, {
    artifact: result.report.ArtifactName,
    artifactType: result.report.ArtifactType,
    trivyVersion: result.trivyVersion,
    gate: plan.severity,
    allowlistFile: plan.allowlist?.file,
  });
}
