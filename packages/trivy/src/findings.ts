import { entryMatches, isExpired, type Allowlist, type AllowlistEntry } from './allowlist';
import { placeAt, placeOfPackage, type LocateContext } from './locations';
import type { TrivyReport } from './schema';
import { fallbackScore, severityRank, toSeverity, type Severity } from './severity';

export type FindingKind = 'vulnerability' | 'misconfiguration' | 'secret' | 'license';

/**
 * - `gated`: at or above the gate severity, not allowlisted — fails the scan
 * - `open`: below the gate
 * - `allowlisted`: suppressed by an allowlist entry that has not expired
 * - `unfixed`: a vulnerability without a fixed version, skipped by ignore-unfixed
 */
export type FindingStatus = 'gated' | 'open' | 'allowlisted' | 'unfixed';

/** One thing Trivy found, in our words. */
export interface ScanFinding {
  kind: FindingKind;
  /** CVE/GHSA id, check id, secret rule id, or license name (SPDX id where Trivy knows one). */
  id: string;
  aliases: string[];
  severity: Severity;
  /** Trivy's Result.Target: an image and OS, a lockfile, a config file. */
  target: string;
  type?: string;
  pkg?: string;
  installed?: string;
  fixed?: string;
  title: string;
  /** What Trivy says about this instance (a misconfiguration's message, a secret's category). */
  detail?: string;
  description?: string;
  resolution?: string;
  url?: string;
  /** CVSS base score Trivy gives, when it gives one. */
  cvss?: number;
  file?: string;
  line?: number;
  endLine?: number;
  status: FindingStatus;
  /** The allowlist entry that suppresses it, or that did until it expired. */
  allowlistLine?: number;
}

/** The CVSS score to report: NVD's first, then the source Trivy took the severity from, then any. */
function cvssScore(
  cvss: Record<string, { V3Score?: number; V40Score?: number }> | undefined,
  source?: string,
) {
  if (!cvss) return undefined;
  const order = [...new Set(['nvd', ...(source ? [source] : []), ...Object.keys(cvss)])];
  for (const key of order) {
    const score = cvss[key]?.V3Score ?? cvss[key]?.V40Score;
    if (score !== undefined && score >= 0 && score <= 10) return score;
  }
  return undefined;
}

/** Every vulnerability, failed misconfiguration, secret and license finding in a Trivy report. */
export function collectFindings(report: TrivyReport, context: LocateContext): ScanFinding[] {
  const found: ScanFinding[] = [];
  for (const result of report.Results) {
    const base = { target: result.Target, type: result.Type, status: 'open' as const };
    for (const v of result.Vulnerabilities) {
      found.push({
        ...base,
        kind: 'vulnerability',
        id: v.VulnerabilityID,
        aliases: [],
        severity: toSeverity(v.Severity),
        pkg: v.PkgName,
        installed: v.InstalledVersion,
        fixed: v.FixedVersion || undefined,
        title: v.Title || v.VulnerabilityID,
        description: v.Description,
        url: v.PrimaryURL || v.References?.[0],
        cvss: cvssScore(v.CVSS, v.SeveritySource),
        ...placeOfPackage(result.Target, v, result.Packages, context),
      });
    }
    for (const m of result.Misconfigurations) {
      // PASS and EXCEPTION are not findings (Trivy lists them only with --include-non-failures).
      if ((m.Status ?? 'FAIL').toUpperCase() !== 'FAIL') continue;
      const id = m.ID || m.AVDID || 'misconfiguration';
      found.push({
        ...base,
        kind: 'misconfiguration',
        id,
        aliases: m.AVDID && m.AVDID !== id ? [m.AVDID] : [],
        severity: toSeverity(m.Severity),
        title: m.Title || id,
        detail: m.Message,
        description: m.Description,
        resolution: m.Resolution,
        url: m.PrimaryURL || m.References?.[0],
        ...placeAt(result.Target, context, m.CauseMetadata?.StartLine, m.CauseMetadata?.EndLine),
      });
    }
    for (const s of result.Secrets) {
      found.push({
        ...base,
        kind: 'secret',
        id: s.RuleID,
        aliases: [],
        severity: toSeverity(s.Severity),
        title: s.Title || s.RuleID,
        // Never the match itself: it is (part of) the secret.
        detail: s.Category ? `${s.Category} secret` : 'secret',
        ...placeAt(result.Target, context, s.StartLine, s.EndLine),
      });
    }
    // Trivy rates each license by its category (forbidden CRITICAL, restricted HIGH, …): the
    // severity gate and the allowlist treat it like any other finding, id = the license name.
    for (const l of result.Licenses) {
      const id = l.Name || 'unknown license';
      const category = l.Category?.toLowerCase();
      found.push({
        ...base,
        kind: 'license',
        id,
        aliases: [],
        severity: toSeverity(l.Severity),
        pkg: l.PkgName || undefined,
        title: `${id} license${category ? ` (${category})` : ''}`,
        detail: category,
        url: l.Link || undefined,
        ...(l.FilePath
          ? placeAt(l.FilePath, context, undefined, undefined)
          : context.scanType === 'image'
            ? { ...context.dockerfile }
            : {}),
      });
    }
  }
  return found;
}

export interface GateOptions {
  gated: Set<Severity>;
  ignoreUnfixed: boolean;
  allowlist?: Allowlist;
  now: Date;
}

export interface EntryUse {
  entry: AllowlistEntry;
  expired: boolean;
  /** Findings it suppresses (active) or would suppress (expired). */
  matched: number;
}

export interface GateResult {
  findings: ScanFinding[];
  entries: EntryUse[];
}

/** Decide each finding's status: ignore-unfixed, then the allowlist, then the severity gate. */
export function gateFindings(findings: ScanFinding[], options: GateOptions): GateResult {
  const entries: EntryUse[] = (options.allowlist?.entries ?? []).map((entry) => ({
    entry,
    expired: isExpired(entry, options.now),
    matched: 0,
  }));
  const gatedFindings = findings.map((finding): ScanFinding => {
    if (options.ignoreUnfixed && finding.kind === 'vulnerability' && !finding.fixed) {
      return { ...finding, status: 'unfixed' };
    }
    const matching = entries.filter((use) => entryMatches(use.entry, finding));
    for (const use of matching) use.matched++;
    const active = matching.find((use) => !use.expired);
    if (active) return { ...finding, status: 'allowlisted', allowlistLine: active.entry.line };
    const status = options.gated.has(finding.severity) ? 'gated' : 'open';
    return { ...finding, status, allowlistLine: matching[0]?.entry.line };
  });
  return { findings: gatedFindings, entries };
}

/** Most severe first; among equals, the higher CVSS score, then the id. */
export function bySeverity(a: ScanFinding, b: ScanFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    (b.cvss ?? fallbackScore(b.severity) ?? 0) - (a.cvss ?? fallbackScore(a.severity) ?? 0) ||
    a.id.localeCompare(b.id)
  );
}
