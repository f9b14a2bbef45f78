import { truncate, wilson, type Report, type Table } from '@llmops/core';
import { pairedRatio, type PairedRatio } from '../../compare/paired';
import {
  describeRatio,
  summarizeComparison,
  type ComparisonData,
  type ComparisonSummary,
} from '../../compare/summary';
import type { CaseRecord, CaseStatus } from '../../score/types';
import { estimateCost } from '../prices';

/** One case on both endpoints, as the JSON report keeps it. */
export interface ComparedCase {
  id: string;
  name: string;
  file: string;
  line: number;
  candidate: CaseStatus;
  production: CaseStatus;
  /** Share of samples answered alike after normalisation, and their mean token F1 (absent: not both answered). */
  exact?: number;
  f1?: number;
  /** Mean of the timed samples on each side, and candidate ÷ production (with an interval from 2+ samples). */
  ttftMs: Timing;
  latencyMs: Timing;
  tokens: { candidate: Spend; production: Spend };
}

interface Timing {
  candidate?: number;
  production?: number;
  ratio?: PairedRatio;
}

interface Spend {
  prompt: number;
  completion: number;
  costUsd?: number;
}

const pct = (x: number | undefined) => (x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
const ANSWER_CELL = 160;

function timing(candidate: number[], production: number[]): Timing {
  const ratio = pairedRatio(candidate, production);
  return {
    candidate: mean(candidate),
    production: mean(production),
    ...(ratio.n ? { ratio } : {}),
  };
}

function spend(model: string, r: CaseRecord): Spend {
  return {
    prompt: r.promptTokens,
    completion: r.completionTokens,
    costUsd: estimateCost(model, r.promptTokens, r.completionTokens),
  };
}

/** Every case that ran on both endpoints, side by side. */
export function comparedCases(
  candidate: readonly CaseRecord[],
  comparison: ComparisonData,
  candidateModel: string,
): ComparedCase[] {
  const production = new Map(comparison.cases.map((c) => [c.id, c]));
  const agreement = new Map(comparison.agreement.map((a) => [a.id, a]));
  return candidate.flatMap((c) => {
    const p = production.get(c.id);
    if (!p) return [];
    const a = agreement.get(c.id);
    return [
      {
        id: c.id,
        name: c.name,
        file: c.file,
        line: c.line,
        candidate: c.status,
        production: p.status,
        ...(a && a.samples ? { exact: a.exact, f1: a.f1 } : {}),
        ttftMs: timing(c.ttftMs, p.ttftMs),
        latencyMs: timing(c.latencyMs, p.latencyMs),
        tokens: { candidate: spend(candidateModel, c), production: spend(comparison.model, p) },
      },
    ];
  });
}

const RANK: Record<CaseStatus, number> = { pass: 0, fail: 1, error: 2 };

/** Worst first: the candidate lost a case production passed, then answers furthest apart. */
function worstFirst(a: ComparedCase, b: ComparedCase): number {
  const lost = (c: ComparedCase) => RANK[c.candidate] - RANK[c.production];
  return lost(b) - lost(a) || (a.f1 ?? -1) - (b.f1 ?? -1);
}

function disagreements(
  pairs: ComparedCase[],
  candidate: readonly CaseRecord[],
  production: readonly CaseRecord[],
): Table | undefined {
  const shown = pairs.filter((p) => p.candidate !== p.production || p.exact !== 1).sort(worstFirst);
  if (!shown.length) return undefined;
  const output = (records: readonly CaseRecord[]) => new Map(records.map((r) => [r.id, r.output]));
  const candidateOutput = output(candidate);
  const productionOutput = output(production);
  const ms = (t: Timing) =>
    `${t.candidate === undefined ? '—' : Math.round(t.candidate)} / ${t.production === undefined ? '—' : Math.round(t.production)}`;
  return {
    title: 'Disagreements with production, worst first',
    columns: [
      'Case',
      'Location',
      'Candidate',
      'Production',
      'Agreement',
      'TTFT ms (cand. / prod.)',
      'Candidate answer',
      'Production answer',
    ],
    // Model answers are untrusted: cut here, escaped by every renderer.
    rows: shown.map((p) => [
      p.name,
      `${p.file}:${p.line}`,
      p.candidate,
      p.production,
      p.f1 === undefined ? 'not both answered' : `${pct(p.exact)} exact · F1 ${p.f1.toFixed(2)}`,
      ms(p.ttftMs),
      truncate(candidateOutput.get(p.id) ?? '', ANSWER_CELL),
      truncate(productionOutput.get(p.id) ?? '', ANSWER_CELL),
    ]),
  };
}

/** "75.0% (95% CI 53.1%–88.8%)": the share of cases agreeing, with its Wilson interval. */
function agreementInterval(s: ComparisonSummary): string {
  if (s.agreed.exact === undefined) return 'n/a';
  // With repeat, a case's share is over its samples: the interval counts cases, the conservative n.
  const { low, high } = wilson(Math.round(s.agreed.exact * s.agreed.cases), s.agreed.cases);
  return `${pct(s.agreed.exact)} (95% CI ${pct(low)}–${pct(high)})`;
}

function totals(records: readonly CaseRecord[], model: string) {
  const prompt = records.reduce((n, c) => n + c.promptTokens, 0);
  const completion = records.reduce((n, c) => n + c.completionTokens, 0);
  const cost = estimateCost(model, prompt, completion);
  return {
    tokens: `${prompt} in · ${completion} out`,
    cost: cost === undefined ? 'n/a (no list price)' : `$${cost.toFixed(4)}`,
    prompt,
    completion,
  };
}

function overview(
  s: ComparisonSummary,
  candidate: readonly CaseRecord[],
  comparison: ComparisonData,
  candidateModel: string,
): Table {
  const count = (records: readonly CaseRecord[], status: CaseStatus) =>
    records.filter((r) => r.status === status).length;
  const counts = (records: readonly CaseRecord[]) =>
    `${count(records, 'pass')} ✓ · ${count(records, 'fail')} ✗ · ${count(records, 'error')} errored`;
  const c = totals(candidate, candidateModel);
  const p = totals(comparison.cases, comparison.model);
  const timed = (records: readonly CaseRecord[], pick: (r: CaseRecord) => number[]) => {
    const m = mean(records.flatMap(pick));
    return m === undefined ? 'not timed' : `${Math.round(m)} ms mean`;
  };
  return {
    title: `Candidate (${candidateModel}) against production (${comparison.model})`,
    columns: ['Measure', 'Candidate', 'Production', 'Difference (paired, 95% CI)'],
    rows: [
      [
        'Score (cases neither errored on)',
        pct(s.candidateScore),
        pct(s.productionScore),
        s.scoreDrop === undefined
          ? 'n/a'
          : `${s.scoreDrop > 0 ? '−' : '+'}${Math.abs(s.scoreDrop * 100).toFixed(1)} pts on ${s.compared} cases`,
      ],
      ['Cases', counts(candidate), counts(comparison.cases), ''],
      [
        'Answers agree',
        '',
        '',
        `${agreementInterval(s)} exact · token F1 ${s.agreed.f1?.toFixed(2) ?? 'n/a'} over ${s.agreed.cases} cases`,
      ],
      [
        'Time to first token',
        timed(candidate, (r) => r.ttftMs),
        timed(comparison.cases, (r) => r.ttftMs),
        describeRatio(s.ttft),
      ],
      [
        'Total latency',
        timed(candidate, (r) => r.latencyMs),
        timed(comparison.cases, (r) => r.latencyMs),
        describeRatio(s.latency),
      ],
      ...(s.preference
        ? [
            [
              "Judge's preference (asked in both orders)",
              `${s.preference.candidate} better`,
              `${s.preference.production} better`,
              `${s.preference.tie} ties or split verdicts`,
            ],
          ]
        : []),
      ['Tokens', c.tokens, p.tokens, ''],
      ['Est. cost', c.cost, p.cost, ''],
    ],
    note: 'Latency differences are the geometric mean of per-case ratios with a paired t interval on their logs; cached answers are not timed.',
  };
}

const increase = (r: PairedRatio) => (Number.isNaN(r.ratio) ? '' : Number((r.ratio - 1).toFixed(4)));

/** The comparison's part of the gate report: its reasons, a metric, two tables, outputs and the per-case data. */
export function comparisonReport(
  candidate: readonly CaseRecord[],
  comparison: ComparisonData,
  candidateModel: string,
  maxErrorRate: number,
): {
  summary: ComparisonSummary;
  metrics: Report['metrics'];
  tables: Table[];
  outputs: Report['outputs'];
  pairs: ComparedCase[];
} {
  const s = summarizeComparison(candidate, comparison, maxErrorRate);
  const pairs = comparedCases(candidate, comparison, candidateModel);
  const p = totals(comparison.cases, comparison.model);
  return {
    summary: s,
    metrics: [['Against production', `${pct(s.agreed.exact)} agree · TTFT ${describeRatio(s.ttft)}`]],
    tables: [
      overview(s, candidate, comparison, candidateModel),
      ...[disagreements(pairs, candidate, comparison.cases)].filter((t): t is Table => t !== undefined),
    ],
    outputs: {
      'compare-score': s.productionScore === undefined ? '' : Number(s.productionScore.toFixed(4)),
      'score-drop': s.scoreDrop === undefined ? '' : Number(s.scoreDrop.toFixed(4)),
      agreement: s.agreed.exact === undefined ? '' : Number(s.agreed.exact.toFixed(4)),
      'answer-f1': s.agreed.f1 === undefined ? '' : Number(s.agreed.f1.toFixed(4)),
      'ttft-increase': increase(s.ttft),
      'latency-increase': increase(s.latency),
      'compare-prompt-tokens': p.prompt,
      'compare-completion-tokens': p.completion,
    },
    pairs,
  };
}

/** The outputs of a run that compared nothing: present, empty, so a workflow can read them either way. */
export const NO_COMPARISON_OUTPUTS: Report['outputs'] = {
  'compare-score': '',
  'score-drop': '',
  agreement: '',
  'answer-f1': '',
  'ttft-increase': '',
  'latency-increase': '',
  'compare-prompt-tokens': '',
  'compare-completion-tokens': '',
};
