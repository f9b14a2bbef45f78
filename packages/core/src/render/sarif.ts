import { gzipSync } from 'node:zlib';
import type { Finding, Report } from '../report';

// SARIF 2.1.0, as GitHub code scanning reads it:
// https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

export interface SarifOptions {
  toolName: string;
  version: string;
  informationUri: string;
  /** Code scanning accepts at most 25,000 results per run. */
  maxResults?: number;
  /** Code scanning refuses files over 10 MB gzip-compressed (upload-sarif gzips them). */
  maxBytes?: number;
}

function region(f: Finding) {
  if (f.line === undefined) return undefined;
  return {
    startLine: f.line,
    ...(f.column !== undefined ? { startColumn: f.column } : {}),
    ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
    ...(f.endColumn !== undefined ? { endColumn: f.endColumn } : {}),
  };
}

/** SARIF for the report's findings; the last findings are left out (`capped`) to fit code scanning's limits. */
export function renderSarif(report: Report, options: SarifOptions): { sarif: object; capped: number } {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  // The file as publish writes it; only one larger than the limit needs compressing to measure.
  // Measured at zlib's default level, as upload-sarif compresses.
  const size = (sarif: object) => {
    const text = JSON.stringify(sarif, null, 2);
    return Buffer.byteLength(text) <= maxBytes ? 0 : gzipSync(text).length;
  };
  let kept = Math.min(report.findings.length, options.maxResults ?? 25_000);
  let sarif = buildSarif(report, options, kept);
  if (size(sarif) > maxBytes) {
    // Largest count that fits: findings are in the report's order, most important first.
    let [fits, tooMany] = [0, kept];
    while (tooMany - fits > 1) {
      const mid = Math.floor((fits + tooMany) / 2);
      if (size(buildSarif(report, options, mid)) <= maxBytes) fits = mid;
      else tooMany = mid;
    }
    kept = fits;
    sarif = buildSarif(report, options, kept);
  }
  return { sarif, capped: report.findings.length - kept };
}

function buildSarif(report: Report, options: SarifOptions, count: number): object {
  const findings = report.findings.slice(0, count);
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  for (const f of findings) {
    if (ruleIndex.has(f.ruleId)) continue;
    ruleIndex.set(f.ruleId, rules.length);
    rules.push({
      id: f.ruleId,
      name: f.ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: f.title ?? f.ruleId },
      ...(f.help ? { help: { text: f.help, markdown: f.help } } : {}),
      ...(f.helpUri ? { helpUri: f.helpUri } : {}),
      defaultConfiguration: { level: LEVEL[f.level] },
      properties: {
        tags: ['llmops', report.action],
        ...(f.securitySeverity !== undefined ? { 'security-severity': f.securitySeverity.toFixed(1) } : {}),
      },
    });
  }
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: LEVEL[f.level],
    message: { text: f.message },
    ...(f.fingerprint ? { partialFingerprints: { 'llmops/v1': f.fingerprint } } : {}),
    ...(f.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                ...(region(f) ? { region: region(f) } : {}),
              },
            },
          ],
        }
      : {}),
  }));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName,
            version: options.version,
            informationUri: options.informationUri,
            rules,
          },
        },
        automationDetails: { id: `${options.toolName}/` },
        results,
      },
    ],
  };
}
