import { formatDuration, type Finding, type Report, type Table, type TestCase } from '@llmops/core';
import { formatValue } from '../format';
import { describeBound, type GateResult, type Measurement } from '../measure';
import type { MetricGatePlan } from './plan';

export interface MetricGateData {
  prometheusUrl: string;
  count: number;
  intervalMs: number;
  rounds: number;
  stoppedEarly?: string;
  cancelled: boolean;
  startedAt: string;
  durationMs: number;
  checks: Array<{
    name: string;
    test: string;
    preset?: string;
    query?: string;
    baselineQuery?: string;
    countQueries?: { success: string; total: string };
    baselineCountQueries?: { success: string; total: string };
    window: string;
    /** rank-sum: range-query step and the rate window of each point. */
    step?: string;
    rateWindow?: string;
    /** What is off about the check's settings (overlapping points, too short a window). */
    warnings?: string[];
    bound: string;
    verdict: string;
    reason: string;
    outcomes: Record<string, number>;
  }>;
  measurements: Measurement[];
}

const fmt = formatValue;

const ICON = {
  success: '✅ success',
  failure: '❌ failure',
  inconclusive: '⚠️ inconclusive',
  error: '💥 error',
} as const;

function statistic(m: Measurement): string {
  if (!m.statistic) return '';
  const z = m.statistic.z !== undefined ? ` z=${fmt(m.statistic.z)}` : '';
  return `${m.statistic.name}=${fmt(m.statistic.value)}${z} p=${fmt(m.statistic.p)}`;
}

type CheckResult = GateResult['checks'][number];

/** The last measurement of a check that was not a success: what its reason quotes. */
function lastBad(result: GateResult, name: string): Measurement | undefined {
  return [...result.measurements].reverse().find((m) => m.check === name && m.outcome !== 'success');
}

function findingsOf(result: GateResult): Finding[] {
  const findings: Finding[] = result.checks
    .filter((c) => c.verdict !== 'pass')
    .map((c) => {
      const last = lastBad(result, c.check.name);
      return {
        ruleId: c.verdict === 'fail' ? 'metric-gate/check-failed' : 'metric-gate/check-inconclusive',
        level: c.verdict === 'fail' ? 'error' : 'warning',
        title: `metric-gate: ${c.check.name} ${c.verdict}`,
        message: `${c.check.name}: ${c.reason}${last ? ` — ${last.message}` : ''}`,
        file: c.check.source?.file,
        line: c.check.source?.line,
      };
    });
  // Settings that make a check's statistics weaker than they look: said on the check, every run.
  for (const c of result.checks) {
    for (const warning of c.check.warnings ?? []) {
      findings.push({
        ruleId: 'metric-gate/check-settings',
        level: 'warning',
        title: `metric-gate: ${c.check.name} settings`,
        message: `${c.check.name}: ${warning}`,
        file: c.check.source?.file,
        line: c.check.source?.line,
      });
    }
  }
  return findings;
}

function queryText(c: CheckResult['check']): string {
  return c.test === 'proportion'
    ? `success: ${c.counts!.success} · total: ${c.counts!.total} · baseline success: ${c.baselineCounts!.success} · baseline total: ${c.baselineCounts!.total}`
    : [c.query, c.baselineQuery && `baseline: ${c.baselineQuery}`].filter(Boolean).join(' · ');
}

function tablesOf(result: GateResult): Table[] {
  return [
    {
      title: 'Checks',
      columns: ['Check', 'Verdict', 'Test', 'Bound', 'Success', 'Failure', 'Inconclusive', 'Error', 'PromQL'],
      rows: result.checks.map((c) => [
        c.check.name,
        c.verdict,
        c.check.test,
        describeBound(c.check),
        c.counts.success,
        c.counts.failure,
        c.counts.inconclusive,
        c.counts.error,
        queryText(c.check),
      ]),
    },
    {
      title: 'Measurements',
      columns: [
        'Check',
        '#',
        'Outcome',
        'Canary',
        'Baseline',
        'Ratio',
        'Statistic',
        'Interval',
        'Bound',
        'Detail',
      ],
      rows: result.measurements.map((m) => [
        m.check,
        m.index,
        ICON[m.outcome],
        fmt(m.canary),
        fmt(m.baseline),
        fmt(m.ratio),
        statistic(m),
        m.interval ? `[${fmt(m.interval[0])}, ${fmt(m.interval[1])}]` : '',
        m.bound,
        m.message,
      ]),
      note: 'Full PromQL and every value are in the JSON report.',
    },
  ];
}

function dataOf(result: GateResult, plan: MetricGatePlan): MetricGateData {
  return {
    prometheusUrl: plan.prometheusUrl,
    count: result.count,
    intervalMs: plan.intervalMs,
    rounds: result.rounds,
    stoppedEarly: result.stoppedEarly,
    cancelled: result.cancelled,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    checks: result.checks.map((c) => ({
      name: c.check.name,
      test: c.check.test,
      preset: c.check.preset,
      query: c.check.query,
      baselineQuery: c.check.baselineQuery,
      countQueries: c.check.counts,
      baselineCountQueries: c.check.baselineCounts,
      window: formatDuration(c.check.windowMs),
      ...(c.check.test === 'rank-sum'
        ? { step: formatDuration(c.check.stepMs), rateWindow: formatDuration(c.check.rateWindowMs ?? 0) }
        : {}),
      warnings: c.check.warnings,
      bound: describeBound(c.check),
      verdict: c.verdict,
      reason: c.reason,
      outcomes: c.counts,
    })),
    measurements: result.measurements,
  };
}

/** The one report of a metric-gate run: summary, comment and JSON all render from it. */
export function buildReport(result: GateResult, plan: MetricGatePlan): Report<MetricGateData> {
  const total = (key: 'success' | 'failure' | 'inconclusive' | 'error') =>
    result.checks.reduce((n, c) => n + c.counts[key], 0);
  const failed = result.checks.filter((c) => c.verdict === 'fail').map((c) => c.check.name);
  const unsure = result.checks.filter((c) => c.verdict === 'inconclusive').map((c) => c.check.name);
  const measured = `${result.checks.length} check${result.checks.length === 1 ? '' : 's'} × ${result.rounds} measurement${result.rounds === 1 ? '' : 's'}`;
  const headline =
    result.verdict === 'pass'
      ? `${measured}: every check passed`
      : result.verdict === 'fail'
        ? `${measured}: ${failed.join(', ')} failed`
        : `${measured}: ${unsure.join(', ') || 'the run'} inconclusive`;
  const reasons: string[] = [];
  for (const c of result.checks) {
    if (c.verdict === 'pass') continue;
    const last = lastBad(result, c.check.name);
    reasons.push(`${c.check.name}: ${c.reason}${last ? ` — last: ${last.message}` : ''}`);
  }
  if (result.stoppedEarly) reasons.push(result.stoppedEarly);
  if (result.cancelled) reasons.push(`cancelled after ${result.rounds} of ${result.count} measurements`);

  const cases: TestCase[] = result.checks.map((c) => ({
    suite: 'metric-gate',
    name: c.check.name,
    status: c.verdict === 'pass' ? 'passed' : c.verdict === 'fail' ? 'failed' : 'skipped',
    message: c.reason || undefined,
    file: c.check.source?.file,
    line: c.check.source?.line,
  }));

  return {
    action: 'metric-gate',
    verdict: result.verdict,
    headline,
    reasons,
    metrics: [
      ['Checks', result.checks.length],
      ['Measurements', result.measurements.length],
      ['Failures', total('failure')],
      ['Inconclusive', total('inconclusive')],
      ['Errors', total('error')],
      ['Duration', formatDuration(result.durationMs)],
    ],
    tables: tablesOf(result),
    findings: findingsOf(result),
    cases,
    outputs: {
      'failed-checks': failed.join(','),
      measurements: result.measurements.length,
    },
    data: dataOf(result, plan),
  };
}
