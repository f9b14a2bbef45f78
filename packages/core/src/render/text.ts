import type { Cell, Report, Table } from '../report';
import { findingsTable } from './markdown';

/** Plain text for a terminal (the CLI). */
function show(value: Cell): string {
  if (value === null || value === undefined || value === '') return '-';
  return String(value).replace(/\s+/g, ' ');
}

function renderTable(table: Table, maxRows: number): string {
  const rows = table.rows.slice(0, maxRows).map((row) => row.map((c) => show(c).slice(0, 100)));
  const widths = table.columns.map((col, i) =>
    rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), col.length),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const lines = [`${table.title}:`, `  ${line(table.columns)}`, ...rows.map((r) => `  ${line(r)}`)];
  if (table.rows.length > rows.length)
    lines.push(`  … ${table.rows.length - rows.length} more rows in the JSON report`);
  if (table.note) lines.push(`  ${table.note}`);
  return lines.join('\n');
}

export function renderText(report: Report, maxRows = 30): string {
  const parts = [`${report.action}: ${report.verdict.toUpperCase()} — ${report.headline}`];
  if (report.reasons.length) parts.push(report.reasons.map((r) => `  - ${r}`).join('\n'));
  if (report.metrics.length)
    parts.push(report.metrics.map(([label, value]) => `${label}: ${value}`).join(' | '));
  const tables = [findingsTable(report.findings), ...report.tables].filter(
    (t): t is Table => t !== undefined,
  );
  for (const table of tables) parts.push(renderTable(table, maxRows));
  return `${parts.join('\n\n')}\n`;
}
