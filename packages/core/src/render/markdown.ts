import { escapeMarkdown } from '../escape';
import type { Cell, Finding, Report, Table } from '../report';

const ICON = { pass: '✅', fail: '❌', inconclusive: '⚠️' } as const;
const LEVEL_ICON = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' } as const;
const LEVEL_ORDER = { error: 0, warning: 1, notice: 2 } as const;

export interface MarkdownOptions {
  /** Hard cap in UTF-8 bytes: the job summary must stay under 1 MiB, a PR comment under 65,536 characters. */
  maxBytes: number;
  /** Rows per table before "N more" (shrunk automatically to fit maxChars). */
  maxRows?: number;
  /** Hidden marker line put first (sticky comments). */
  marker?: string;
  /** A link back to the run. */
  runUrl?: string;
}

function cell(value: Cell): string {
  if (value === null || value === undefined || value === '') return '—';
  return escapeMarkdown(String(value));
}

function renderTable(table: Table, maxRows: number): string {
  const head = `| ${table.columns.map(cell).join(' | ')} |\n|${table.columns.map(() => ' --- ').join('|')}|\n`;
  const rows = table.rows.slice(0, maxRows).map((row) => `| ${row.map(cell).join(' | ')} |`);
  const hidden = table.rows.length - rows.length;
  const notes = [table.note, hidden > 0 ? `${hidden} more rows in the JSON report.` : undefined].filter(
    Boolean,
  );
  return `### ${escapeMarkdown(table.title)}\n\n${head}${rows.join('\n')}\n${notes.map((n) => `\n_${escapeMarkdown(n!)}_\n`).join('')}`;
}

export function findingLocation(finding: Finding): string {
  if (!finding.file) return '';
  return [finding.file, finding.line, finding.column].filter((p) => p !== undefined).join(':');
}

export function findingsTable(findings: Finding[]): Table | undefined {
  if (findings.length === 0) return undefined;
  const sorted = [...findings].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return {
    title: 'Findings',
    columns: ['Level', 'Location', 'Rule', 'Message'],
    rows: sorted.map((f) => [LEVEL_ICON[f.level], findingLocation(f), f.ruleId, f.message]),
  };
}

function render(report: Report, options: MarkdownOptions, maxRows: number): string {
  const parts: string[] = [];
  if (options.marker) parts.push(options.marker);
  parts.push(
    `## ${ICON[report.verdict]} ${report.action}: ${report.verdict}\n\n${escapeMarkdown(report.headline, 500)}`,
  );
  if (report.reasons.length) parts.push(report.reasons.map((r) => `- ${escapeMarkdown(r, 500)}`).join('\n'));
  if (report.metrics.length) {
    parts.push(
      report.metrics.map(([label, value]) => `**${escapeMarkdown(label)}** ${cell(value)}`).join(' · '),
    );
  }
  const tables = [findingsTable(report.findings), ...report.tables].filter(
    (t): t is Table => t !== undefined,
  );
  for (const table of tables) parts.push(renderTable(table, maxRows));
  const footer = options.runUrl ? `[llmops ${report.action}](${options.runUrl})` : `llmops ${report.action}`;
  parts.push(`<sub>${footer}</sub>`);
  return `${parts.join('\n\n')}\n`;
}

/** Markdown for the job summary and PR comment; every piece of report text is escaped. */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  let maxRows = options.maxRows ?? 50;
  for (;;) {
    const text = render(report, options, maxRows);
    if (Buffer.byteLength(text) <= options.maxBytes) return text;
    if (maxRows === 0) {
      // Cut by bytes, then drop a possibly split last character.
      const cut = Buffer.from(text)
        .subarray(0, options.maxBytes - 80)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
      return `${cut}\n\n_Truncated: see the JSON report._\n`;
    }
    maxRows = Math.floor(maxRows / 2);
  }
}
