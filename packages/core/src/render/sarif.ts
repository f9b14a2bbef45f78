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

export function renderSarif(report: Report, options: SarifOptions): { sarif: object; capped: number } {
  const maxResults = options.maxResults ?? 25_000;
  const findings = report.findings.slice(0, maxResults);
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
    ...(f.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                ...(region(f) ? { region: region(f) } : {}),
              },
            },
          ],
        }
      : {}),
  }));
  const sarif = {
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
  return { sarif, capped: report.findings.length - findings.length };
}
