import type { Finding, Report, Table, TestCase } from '@llmops/core';
import { summarize, type Summary } from '../../score/aggregate';
import type { BaselineCase, CaseRecord, GateSettings } from '../../score/types';
import { wilson } from '@llmops/core';
import { estimateCost } from '../prices';
import type { ComparisonData } from '../../compare/summary';
import { comparisonReport, NO_COMPARISON_OUTPUTS, type ComparedCase } from './compare-report';

export interface GateData {
  settings: GateSettings;
  cases: CaseRecord[];
  baseline?: { source: string; cases: BaselineCase[] };
  totals: { requests: number; cacheHits: number };
  /** The shards merged into this report, or the one this run evaluated. */
  shards: string[];
  notes: string[];
  /** Comparison mode: production's results; `pairs` (each case side by side) is added by the report. */
  comparison?: ComparisonData & { pairs?: ComparedCase[] };
}

export type GateReport = Report<GateData>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pts = (d: number) => `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(1)} pts`;
const ms = (v: number | undefined) => (v === undefined ? undefined : Math.round(v));

function passRate(c: CaseRecord): string {
  if (c.samples <= 1) return c.status;
  const { low, high } = wilson(c.passes, c.samples);
  return `${c.passes}/${c.samples} (95% CI ${pct(low)}–${pct(high)})`;
}

function shardNote(data: GateData): string {
  const shard = data.shards.join(', ');
  return data.cases.length === 0
    ? `shard ${shard} has no cases (the split is by case id): it passes with nothing to evaluate`
    : `shard ${shard}: min-score, max-regression and the SLOs are judged on the merged report; this shard fails only on errors over max-error-rate`;
}

function tables(data: GateData, s: Summary, partial: boolean): Table[] {
  const out: Table[] = [];
  const bad = data.cases.filter((c) => c.status !== 'pass');
  if (bad.length) {
    out.push({
      title: 'Failing cases',
      columns: ['Case', 'Location', 'Result', 'Input', 'Expected', 'Got', 'Why'],
      rows: bad.map((c) => [
        c.name,
        `${c.file}:${c.line}`,
        passRate(c),
        c.input,
        c.expected,
        c.output,
        c.reasons.join('; '),
      ]),
    });
  }
  if (s.flipped.length) {
    out.push({
      title: 'Flipped against the baseline',
      columns: ['Case', 'Location', 'Before', 'Now'],
      rows: s.flipped.map((f) => [f.name, `${f.file}:${f.line}`, f.from, f.to]),
    });
  }
  // A suite is its file (and name): two prompt files may share a display name.
  const suites = new Map<string, CaseRecord[]>();
  for (const c of data.cases) {
    const key = `${c.file}\n${c.suite}`;
    suites.set(key, [...(suites.get(key) ?? []), c]);
  }
  const named = (cs: CaseRecord[]) => [...suites.values()].filter((o) => o[0]!.suite === cs[0]!.suite).length;
  if (suites.size > 1) {
    out.push({
      title: 'Suites',
      columns: ['Suite', 'Cases', 'Passed', 'Failed', 'Errored'],
      rows: [...suites.values()].map((cs) => [
        named(cs) > 1 ? `${cs[0]!.suite} (${cs[0]!.file})` : cs[0]!.suite,
        cs.length,
        cs.filter((c) => c.status === 'pass').length,
        cs.filter((c) => c.status === 'fail').length,
        cs.filter((c) => c.status === 'error').length,
      ]),
    });
  }
  out.push({
    title: 'Latency in milliseconds',
    columns: ['Measure', 'p50', 'p95'],
    rows: [
      ['Time to first token', ms(s.ttft.p50), ms(s.ttft.p95)],
      ['Time per output token', s.tpot.p50?.toFixed(1), s.tpot.p95?.toFixed(1)],
      ['Total', ms(s.latency.p50), ms(s.latency.p95)],
    ],
    note: cachedNote(data.cases),
  });
  const notes = partial ? [shardNote(data), ...data.notes] : data.notes;
  if (notes.length) out.push({ title: 'Notes', columns: ['Note'], rows: notes.map((n) => [n]) });
  return out;
}

function cachedNote(cases: readonly CaseRecord[]): string | undefined {
  const cached = cases.reduce((n, c) => n + c.cached, 0);
  if (cached === 0) return undefined;
  const samples = cases.reduce((n, c) => n + c.samples, 0);
  return `${cached} of ${samples} answers came from the response cache: their timings are from an earlier run, so they are left out of these percentiles and of slo-ttft-ms and slo-latency-ms.`;
}

function findings(data: GateData): Finding[] {
  return data.cases
    .filter((c) => c.status !== 'pass')
    .map((c) => ({
      ruleId: c.status === 'error' ? 'eval/case-error' : 'eval/case-failed',
      level: 'error' as const,
      title: `${c.status === 'error' ? 'Errored' : 'Failed'}: ${c.name}`,
      message: `${c.suite} › ${c.name}: ${c.reasons[0] ?? c.status}${c.reasons.length > 1 ? ` (+${c.reasons.length - 1} more)` : ''}`,
      file: c.file,
      line: c.line,
    }));
}

function junitCases(data: GateData): TestCase[] {
  return data.cases.map((c) => ({
    suite: c.suite,
    name: c.name,
    status: c.status === 'pass' ? 'passed' : c.status === 'fail' ? 'failed' : 'error',
    message: c.reasons.join('; ') || undefined,
    timeMs: c.latencyMs.reduce((a, b) => a + b, 0),
    file: c.file,
    line: c.line,
  }));
}

/** Whether the report covers only some shards of a split (a shard job's own report). */
export function isPartialShard(shards: readonly string[]): boolean {
  if (shards.length === 0) return false;
  const parsed = shards.map((s) => s.split('/').map(Number) as [number, number]);
  return new Set(parsed.map(([i]) => i)).size < parsed[0]![1];
}

/** The one report: verdict, score and delta, counts, tables, annotations, JUnit cases, outputs. */
export function buildGateReport(data: GateData): GateReport {
  const partial = isPartialShard(data.shards);
  const s = summarize(data.cases, data.settings, data.baseline?.cases, { partial });
  const cost = estimateCost(data.settings.model, s.promptTokens, s.completionTokens);
  const vs =
    s.baselineScore !== undefined
      ? ` (${pts(s.delta!)} vs baseline ${pct(s.baselineScore)}${s.compared! < s.total ? ` on ${s.compared} cases both ran` : ''})`
      : '';
  const headline =
    s.total === 0
      ? partial
        ? `no eval cases in shard ${data.shards.join(', ')}: nothing to evaluate in this slice`
        : 'no eval cases to run'
      : `score ${pct(s.score)}${vs}: ${s.passed} passed, ${s.failed} failed, ${s.errored} errored of ${s.total} cases on ${data.settings.model}`;
  const metrics: Report['metrics'] = [
    ['Score', `${pct(s.score)}${s.delta !== undefined ? ` (${pts(s.delta)})` : ''}`],
    ['Cases', `${s.passed} ✓ · ${s.failed} ✗ · ${s.errored} errored`],
    ['Requests', data.totals.requests],
    ['Cache hits', data.totals.cacheHits],
    ['Tokens', `${s.promptTokens} in · ${s.completionTokens} out`],
    ['Est. cost', cost === undefined ? 'n/a (no list price for this model)' : `$${cost.toFixed(4)}`],
  ];
  if (s.judgePromptTokens || s.judgeCompletionTokens) {
    const judgeModel = data.settings.judgeModel ?? data.settings.model;
    const judgeCost = estimateCost(judgeModel, s.judgePromptTokens, s.judgeCompletionTokens);
    metrics.push(
      ['Judge tokens', `${s.judgePromptTokens} in · ${s.judgeCompletionTokens} out`],
      [
        'Judge est. cost',
        judgeCost === undefined ? `n/a (no list price for ${judgeModel})` : `$${judgeCost.toFixed(4)}`,
      ],
    );
  }
  if (s.flipped.length) metrics.push(['Flipped', s.flipped.length]);
  if (s.baselineErrors) metrics.push(['Baseline errors', `${s.baselineErrors} (left out of the delta)`]);
  if (data.shards.length) metrics.push(['Shards', data.shards.join(', ')]);
  const compared = data.comparison
    ? comparisonReport(data.cases, data.comparison, data.settings.model, data.settings.maxErrorRate)
    : undefined;
  let verdict = s.verdict;
  let reasons = s.reasons;
  if (compared) {
    const { fails, inconclusive } = compared.summary;
    if (fails.length) verdict = 'fail';
    else if (inconclusive.length && verdict === 'pass') verdict = 'inconclusive';
    reasons = [...reasons, ...fails, ...inconclusive];
    for (const metric of compared.metrics) metrics.push(metric);
  }
  return {
    action: 'llm-quality-gate',
    verdict,
    headline,
    reasons,
    metrics,
    tables: [...(compared?.tables ?? []), ...tables(data, s, partial)],
    findings: findings(data),
    cases: junitCases(data),
    outputs: {
      score: Number(s.score.toFixed(4)),
      passed: s.passed,
      failed: s.failed,
      errored: s.errored,
      'baseline-score': s.baselineScore === undefined ? '' : Number(s.baselineScore.toFixed(4)),
      delta: s.delta === undefined ? '' : Number(s.delta.toFixed(4)),
      requests: data.totals.requests,
      'cache-hits': data.totals.cacheHits,
      'ttft-p95-ms': ms(s.ttft.p95) ?? '',
      'latency-p95-ms': ms(s.latency.p95) ?? '',
      'prompt-tokens': s.promptTokens,
      'completion-tokens': s.completionTokens,
      'judge-prompt-tokens': s.judgePromptTokens,
      'judge-completion-tokens': s.judgeCompletionTokens,
      flipped: s.flipped.length,
      'baseline-errors': s.baselineErrors ?? '',
      ...(compared?.outputs ?? NO_COMPARISON_OUTPUTS),
    },
    data: compared ? { ...data, comparison: { ...data.comparison!, pairs: compared.pairs } } : data,
  };
}
