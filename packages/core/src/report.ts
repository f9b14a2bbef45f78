import type { Verdict } from './verdict';

export type Level = 'error' | 'warning' | 'notice';

/** Something found at a place: becomes an annotation, a SARIF result, a table row. */
export interface Finding {
  /** Stable id of the check, e.g. `prompt/missing-variable`. */
  ruleId: string;
  level: Level;
  /** One line. May contain untrusted text: every renderer escapes it. */
  message: string;
  /** Workspace-relative path, forward slashes. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Short title for annotations; defaults to the rule id. */
  title?: string;
  /** Help for the rule (SARIF `help`, check-run details). */
  help?: string;
  helpUri?: string;
  /** Stable identity across runs (SARIF `partialFingerprints`), so code scanning keeps distinct alerts apart. */
  fingerprint?: string;
  /** SARIF `security-severity` (0–10), for code scanning. */
  securitySeverity?: number;
}

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Shown under the table, e.g. "12 more rows in the JSON report". */
  note?: string;
}

/** One test-like unit (an eval case, a probe) for JUnit. */
export interface TestCase {
  suite: string;
  name: string;
  status: 'passed' | 'failed' | 'error' | 'skipped';
  message?: string;
  timeMs?: number;
  file?: string;
  line?: number;
}

export type OutputValue = string | number | boolean;

/** The one report every action produces; every output format is a renderer over it. */
export interface Report<Data = unknown> {
  /** Action name, e.g. `validate-prompts`. */
  action: string;
  verdict: Verdict;
  /** One line saying what happened. */
  headline: string;
  /** Why the verdict is what it is, one line each (empty on a clean pass). */
  reasons: string[];
  /** Key figures shown first: label → value. */
  metrics: Array<[label: string, value: string | number]>;
  tables: Table[];
  findings: Finding[];
  cases?: TestCase[];
  /** Action outputs (kebab-case). `verdict` and `report-path` are added by publish. */
  outputs: Record<string, OutputValue>;
  /** Action-specific details, kept as-is in the JSON report. */
  data?: Data;
  /**
   * One GitHub issue about this report's trouble (a nightly regression), its body this report:
   * `open` opens or updates it, `update` only updates an open one, `close` comments and closes it.
   * Needs `github-token`.
   */
  issue?: { key: string; title: string; state: 'open' | 'update' | 'close'; closeComment: string };
}

export function countFindings(findings: Finding[], level: Level): number {
  return findings.reduce((n, finding) => n + (finding.level === level ? 1 : 0), 0);
}
