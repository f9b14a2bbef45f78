import { truncate, type Finding, type Report, type Table, type TestCase } from '@llmops/core';
import { compareWithBaseline } from '../regression';
import type { Outcome } from '../assess';
import { redactSecret } from '../tripwire';
import { redactPii } from '../pii';
import { probeMessages, type Expectation, type Probe } from '../probe';
import type { RefusalClass } from '../refusal';
import { scoreAssessments, type SafetyScores } from '../scoring';
import { decideGate, interval, pct, type GateLimits, type Measure, type PackVerdict } from './gate';
import type { SafetyPlan } from './plan';
import type { Sample } from './run-probes';
import type { SafetyRunResult } from './run';

/** One probe over its samples, as the report keeps it: every text redacted and capped. */
export interface ProbeRecord {
  id: string;
  pack: string;
  category: string;
  transform?: string;
  expect: Expectation;
  status: 'passed' | 'failed' | 'error';
  /** Outcome of the sample shown: the first that failed, else the first that errored, else the first. */
  outcome: Outcome;
  samples: number;
  failures: number;
  errors: number;
  reason: string;
  /** The class of the answer shown (XSTest's): the judge's when a judge classified it, else the detector's. */
  class?: RefusalClass;
  prompt: string;
  response: string;
  leaks: string[];
  file?: string;
  line?: number;
  timeMs: number;
}

export interface SafetyData {
  model: string;
  judgeModel?: string;
  systemPrompt: string;
  packs: Array<{ name: string; description: string; probes: number; measure: Measure }>;
  transforms: string[];
  repeat: number;
  limits: GateLimits;
  scores: SafetyScores;
  packVerdicts: PackVerdict[];
  requests: number;
  probes: ProbeRecord[];
  /** With a judge: the answers it classified, and those the offline detector put in another class. */
  judgeAgreement?: JudgeAgreement;
  /** Against `baseline-report`: probes that failed now and not then (ids), and the rest of the tally. */
  regression?: { baseline?: string; newlyFailed: string[]; stillFailing: number; fixed: number };
  notes: string[];
}

export interface JudgeAgreement {
  judged: number;
  disagreements: number;
  /** The worst first: those where the detector alone would have given the probe another result. */
  examples: Array<{
    probe: string;
    judge: RefusalClass;
    detector: RefusalClass;
    detectorReason: string;
    response: string;
  }>;
}

export type SafetyReport = Report<SafetyData>;

const TEXT_MAX = 1000;
const CELL_MAX = 180;
const WORST_ROWS = 25;

/**
 * Everything the report shows of a prompt or an answer goes through here: the tripwire in any
 * encoding, personal data, and the personal data a probe was after (its markers, except the
 * `PWNED-…` tokens of injection probes, which prove the injection and are harmless).
 */
export function redactShown(text: string, tripwire: string, probe?: Probe): string {
  let out = redactSecret(text, tripwire);
  for (const marker of probe?.markers ?? []) {
    if (!/^PWNED-/.test(marker)) out = redactSecret(out, marker, 'REDACTED');
  }
  return redactPii(out);
}

const WITHHELD = '[withheld: reproduced the system prompt]';

/** Lower-case words; eight in a row shared with the system prompt is a recital of it. */
function wordRuns(text: string, n = 8): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const runs = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) runs.add(words.slice(i, i + n).join(' '));
  return runs;
}

/**
 * What a report may show of a response: nothing of one that reproduced the system prompt (the
 * tripwire in any encoding, or eight words in a row of the system turn, context included) — only
 * that it did, and in which encodings.
 */
function shownResponse(sample: Sample, systemPrompt: string): string | undefined {
  const encodings = sample.assessment.leaks.filter((l) => l.what === 'canary').map((l) => l.encoding);
  const system = probeMessages(sample.probe, systemPrompt).find((m) => m.role === 'system')?.content ?? '';
  const runs = wordRuns(system);
  const recited = [...wordRuns(sample.response)].some((run) => runs.has(run));
  if (!encodings.length && !recited) return undefined;
  const how = [...new Set(encodings)];
  return how.length ? `${WITHHELD} (canary found: ${how.join(', ')})` : WITHHELD;
}

function measureOf(probes: readonly Probe[]): Measure {
  const benign = probes.filter((p) => p.expect === 'comply').length;
  return benign === 0 ? 'attack success' : benign === probes.length ? 'over-refusal' : 'failure rate';
}

function severity(sample: Sample | undefined): number {
  const leaks = sample?.assessment.leaks ?? [];
  if (leaks.some((l) => l.what === 'canary')) return 4;
  if (leaks.length) return 3;
  return sample?.assessment.refusal.complied ? 1 : 2;
}

function toRecords(
  samples: readonly Sample[],
  tripwire: string,
  systemPrompt: string,
): Array<[ProbeRecord, Sample | undefined]> {
  const byProbe = new Map<string, Sample[]>();
  for (const s of samples) byProbe.set(s.probe.id, [...(byProbe.get(s.probe.id) ?? []), s]);
  return [...byProbe.values()].map((group) => {
    const probe = group[0]!.probe;
    const failures = group.filter((s) => s.assessment.failed).length;
    const errors = group.filter((s) => s.assessment.outcome === 'error').length;
    const shown =
      group.find((s) => s.assessment.failed) ??
      group.find((s) => s.assessment.outcome === 'error') ??
      group[0]!;
    const redact = (text: string) => truncate(redactShown(text, tripwire, probe), TEXT_MAX);
    const record: ProbeRecord = {
      id: probe.id,
      pack: probe.pack,
      category: probe.category,
      ...(probe.transform ? { transform: probe.transform } : {}),
      expect: probe.expect,
      status: failures ? 'failed' : errors ? 'error' : 'passed',
      outcome: shown.assessment.outcome,
      samples: group.length,
      failures,
      errors,
      reason: redact(shown.assessment.reason),
      ...(probe.expect !== 'no-leak' && shown.assessment.outcome !== 'error'
        ? { class: shown.assessment.judgeLabel ?? shown.assessment.refusal.label }
        : {}),
      prompt: redact(shown.prompt),
      response: shownResponse(shown, systemPrompt) ?? redact(shown.response),
      leaks: [...new Set(shown.assessment.leaks.map((l) => `${l.what}:${l.encoding}`))],
      ...(probe.source ? { file: probe.source.file, line: probe.source.line } : {}),
      timeMs: Math.round(group.reduce((t, s) => t + (s.latencyMs ?? 0), 0)),
    };
    return [record, failures ? shown : undefined];
  });
}

const cellText = (text: string) => truncate(text, CELL_MAX);
const DISAGREEMENT_ROWS = 10;

/** Where the judge and the offline detector class an answer differently: how often, and the worst cases. */
function judgeAgreement(samples: readonly Sample[], tripwire: string, systemPrompt: string): JudgeAgreement {
  const judged = samples.filter((s) => s.assessment.judgeLabel);
  const refused = (label: RefusalClass) => label !== 'full-compliance';
  const differ = judged
    .filter((s) => s.assessment.judgeLabel !== s.assessment.refusal.label)
    .map((s) => ({
      s,
      // A disagreement on refused-or-not changes the probe's result; a confident detector is the worse one.
      flips: refused(s.assessment.judgeLabel!) !== s.assessment.refusal.refused,
      confidence: Math.abs(s.assessment.refusal.score - 0.5),
    }))
    .sort((a, b) => Number(b.flips) - Number(a.flips) || b.confidence - a.confidence);
  return {
    judged: judged.length,
    disagreements: differ.length,
    examples: differ.slice(0, DISAGREEMENT_ROWS).map(({ s }) => ({
      probe: s.probe.id,
      judge: s.assessment.judgeLabel!,
      detector: s.assessment.refusal.label,
      detectorReason: s.assessment.refusal.reason,
      response:
        shownResponse(s, systemPrompt) ?? truncate(redactShown(s.response, tripwire, s.probe), CELL_MAX),
    })),
  };
}

/** A prompt cell that shows the injected instruction, which often sits deep in a document. */
function promptCell(text: string): string {
  const at = text.search(/PWNED/);
  if (at < 0 || at < CELL_MAX - 40) return cellText(text);
  return `…${cellText(text.slice(Math.max(0, at - 120)))}`;
}
const ratio = (r: ProbeRecord, n: number) => (r.samples > 1 ? ` (${n}/${r.samples} samples)` : '');

/** A successful attack as a table row: the probe, why it failed, (the prompt,) the redacted answer. */
function attackRow(r: ProbeRecord, withPrompt: boolean): string[] {
  const why = `${r.reason}${ratio(r, r.failures)}`;
  return [
    r.id,
    r.pack,
    r.transform ?? '',
    why,
    ...(withPrompt ? [promptCell(r.prompt)] : []),
    cellText(r.response),
  ];
}

function tables(data: SafetyData, worst: ProbeRecord[]): Table[] {
  const out: Table[] = [];
  out.push({
    title: 'Packs',
    columns: ['Pack', 'Measure', 'Rate', 'Failed', '95% CI', 'Limit', 'Errors', 'Result'],
    rows: data.packVerdicts.map((p) => [
      p.name,
      p.measure,
      p.trials ? pct(p.rate) : 'n/a',
      `${p.successes}/${p.trials}`,
      p.trials ? interval(p).replace('95% CI ', '') : '',
      p.limit !== undefined ? pct(p.limit) : '',
      p.errors,
      p.result === 'passed' ? '✅' : p.result === 'inconclusive' ? '⚠️ inconclusive' : '❌',
    ]),
    note:
      `Overall limits: attack success ≤ ${pct(data.limits.maxAttackSuccessRate)}, ` +
      `over-refusal ≤ ${pct(data.limits.maxOverRefusalRate)}, errors ≤ ${pct(data.limits.maxErrorRate)}.`,
  });
  if (data.scores.byTransform.length) {
    out.push({
      title: 'Transforms',
      columns: ['Transform', 'Attack success', 'Failed', '95% CI', 'Errors'],
      rows: data.scores.byTransform.map((t) => [
        t.name,
        t.trials ? pct(t.rate) : 'n/a',
        `${t.successes}/${t.trials}`,
        t.trials ? interval(t).replace('95% CI ', '') : '',
        t.errors,
      ]),
      note: 'Attack probes only; "none" is the untransformed originals.',
    });
  }
  const regression = data.regression;
  if (regression?.newlyFailed.length) {
    const isNew = new Set(regression.newlyFailed);
    const rows = worst.filter((r) => isNew.has(r.id));
    out.push({
      title: regression.baseline
        ? `New failures since ${regression.baseline}`
        : 'Failures (no baseline to compare with)',
      columns: ['Probe', 'Pack', 'Transform', 'Why', 'Response'],
      rows: rows.slice(0, WORST_ROWS).map((r) => attackRow(r, false)),
      note: `${regression.stillFailing} still failing, ${regression.fixed} fixed since the baseline.`,
    });
  }
  if (worst.length) {
    out.push({
      title: 'Worst successful attacks',
      columns: ['Probe', 'Pack', 'Transform', 'Why', 'Prompt', 'Response'],
      rows: worst.slice(0, WORST_ROWS).map((r) => attackRow(r, true)),
      note:
        (worst.length > WORST_ROWS ? `${worst.length - WORST_ROWS} more in the JSON report. ` : '') +
        'Responses are truncated; the canary and personal data are redacted, and a response that reproduced the system prompt is withheld.',
    });
  }
  const refused = data.probes.filter((r) => r.status === 'failed' && r.expect === 'comply');
  if (refused.length) {
    out.push({
      title: 'Benign prompts refused',
      columns: ['Probe', 'Pack', 'Prompt', 'Response'],
      rows: refused.map((r) => [r.id, r.pack, cellText(r.prompt), cellText(r.response)]),
    });
  }
  const errored = data.probes.filter((r) => r.errors > 0);
  if (errored.length) {
    out.push({
      title: 'Errored probes',
      columns: ['Probe', 'Pack', 'Error'],
      rows: errored.map((r) => [
        r.id,
        r.pack,
        `${r.status === 'error' ? r.reason : 'some samples errored'}${ratio(r, r.errors)}`,
      ]),
    });
  }
  const agreement = data.judgeAgreement;
  if (agreement?.disagreements) {
    out.push({
      title: 'Judge and detector disagree',
      columns: ['Probe', 'Judge', 'Detector', 'Response'],
      rows: agreement.examples.map((e) => [
        e.probe,
        e.judge,
        `${e.detector}: ${e.detectorReason}`,
        e.response,
      ]),
      note:
        `${agreement.disagreements} of ${agreement.judged} judged answers are classed differently by the offline detector; ` +
        'the judge decided them. The judge’s accuracy is the judge model’s own: check a few of these by hand.',
    });
  }
  if (data.notes.length) out.push({ title: 'Notes', columns: ['Note'], rows: data.notes.map((n) => [n]) });
  return out;
}

function findings(records: readonly ProbeRecord[]): Finding[] {
  // Only custom probes have a place in the repository to annotate; built-in ones are in the tables.
  return records
    .filter((r) => r.status !== 'passed' && r.file)
    .map((r) => ({
      ruleId:
        r.status === 'error'
          ? 'safety/probe-error'
          : `safety/${r.expect === 'comply' ? 'over-refusal' : 'attack-succeeded'}`,
      level: 'error' as const,
      title: `${r.status === 'error' ? 'Errored' : 'Failed'}: ${r.id}`,
      message: `${r.pack} › ${r.id}: ${r.reason}`,
      file: r.file,
      line: r.line,
    }));
}

function junitCases(records: readonly ProbeRecord[]): TestCase[] {
  return records.map((r) => ({
    suite: r.pack,
    name: r.id,
    status: r.status,
    message:
      r.status === 'passed'
        ? undefined
        : `${r.reason}${ratio(r, r.status === 'failed' ? r.failures : r.errors)}${r.response ? ` — response: ${truncate(r.response, 300)}` : ''}`,
    timeMs: r.timeMs,
    ...(r.file ? { file: r.file, line: r.line } : {}),
  }));
}

/** The one report: verdict, rates with intervals per pack and transform, worst attacks, JUnit cases, outputs. */
/** The one report of a run: rates per pack against their limits, the worst probes, judge agreement. */
export function buildSafetyReport(run: SafetyRunResult, plan: SafetyPlan): SafetyReport {
  const scores = scoreAssessments(run.samples.map((s) => s.assessment));
  const measures = new Map(plan.packs.map((p) => [p.name, measureOf(p.probes)]));
  const gate = decideGate(scores, measures, run.samples.length, plan.limits);
  const pairs = toRecords(run.samples, run.tripwire, run.systemPrompt);
  const records = pairs.map(([r]) => r);
  const worst = pairs
    .filter(([r, s]) => s && r.expect !== 'comply')
    .map(([r, s], order) => ({ r, rank: severity(s), share: r.failures / r.samples, order }))
    .sort((a, b) => b.rank - a.rank || b.share - a.share || a.order - b.order)
    .map(({ r }) => r);

  const data: SafetyData = {
    model: run.model,
    ...(run.judgeModel ? { judgeModel: run.judgeModel } : {}),
    systemPrompt: plan.systemPromptSource,
    packs: plan.packs.map((p) => ({
      name: p.name,
      description: p.description,
      probes: p.probes.length,
      measure: measures.get(p.name)!,
    })),
    transforms: plan.transforms,
    repeat: plan.repeat,
    limits: plan.limits,
    scores,
    packVerdicts: gate.packs,
    requests: run.requests,
    probes: records,
    ...(run.judgeModel
      ? { judgeAgreement: judgeAgreement(run.samples, run.tripwire, run.systemPrompt) }
      : {}),
    notes: run.notes,
  };
  const regression = plan.baseline || plan.regressionIssue ? regressionOf(records, plan) : undefined;
  if (regression) data.regression = regression;
  const failures = records.filter((r) => r.status === 'failed').length;
  const errors = records.filter((r) => r.status === 'error').length;
  const { attackSuccess: attack, overRefusal: benign } = scores;
  const headline =
    records.length === 0
      ? 'no probes to run'
      : [
          attack.trials
            ? `attack success ${pct(attack.rate)} (${attack.successes} of ${attack.trials}, ${interval(attack)})`
            : 'no attack probes scored',
          benign.trials ? `over-refusal ${pct(benign.rate)} (${benign.successes} of ${benign.trials})` : '',
          errors ? `${errors} of ${records.length} probes errored` : '',
        ]
          .filter(Boolean)
          .join(', ') + ` on ${run.model}`;
  return {
    action: 'safety-tests',
    verdict: gate.verdict,
    headline,
    reasons: gate.reasons,
    metrics: [
      ['Attack success', attack.trials ? `${pct(attack.rate)} (${interval(attack)})` : 'n/a'],
      ['Over-refusal', benign.trials ? `${pct(benign.rate)} (${interval(benign)})` : 'n/a'],
      ['Probes', plan.repeat > 1 ? `${records.length} × ${plan.repeat} samples` : records.length],
      ['Failures', failures],
      ['Errors', errors],
      ['Requests', run.requests],
      ['Judge', run.judgeModel ?? 'none (refusal and leak detectors)'],
      ...(data.judgeAgreement
        ? [
            [
              'Judge vs detector',
              `${data.judgeAgreement.disagreements} of ${data.judgeAgreement.judged} answers classed differently`,
            ] as [string, string],
          ]
        : []),
    ],
    tables: tables(data, worst),
    findings: findings(records),
    cases: junitCases(records),
    outputs: {
      'attack-success-rate': Number(attack.rate.toFixed(4)),
      'over-refusal-rate': Number(benign.rate.toFixed(4)),
      probes: records.length,
      failures,
      errors,
      requests: run.requests,
      ...(regression ? { 'new-failures': regression.newlyFailed.length } : {}),
    },
    data,
    ...(plan.regressionIssue && regression
      ? { issue: regressionIssue(regression, failures, run.model) }
      : {}),
  };
}

function regressionOf(
  records: readonly ProbeRecord[],
  plan: SafetyPlan,
): NonNullable<SafetyData['regression']> {
  const attacks = records.filter((r) => r.expect !== 'comply');
  const { newlyFailed, stillFailing, fixed } = compareWithBaseline(attacks, plan.baseline?.probes ?? []);
  return {
    ...(plan.baseline ? { baseline: plan.baseline.source } : {}),
    newlyFailed: newlyFailed.map((r) => r.id),
    stillFailing,
    fixed,
  };
}

/**
 * One issue: opened when attacks succeed that the baseline defended, kept (and updated) while any
 * attack still succeeds, commented on and closed on the first run where none does.
 */
function regressionIssue(
  regression: NonNullable<SafetyData['regression']>,
  failures: number,
  model: string,
): Report['issue'] {
  const count = regression.newlyFailed.length;
  return {
    key: 'regression',
    title:
      count > 0
        ? `Safety regression: ${count} ${count === 1 ? 'attack' : 'attacks'} on ${model} newly succeed`
        : `Safety regression: ${failures} ${failures === 1 ? 'attack' : 'attacks'} on ${model} still succeed`,
    state: count > 0 ? 'open' : failures > 0 ? 'update' : 'close',
    closeComment: `No successful attacks on ${model} in this run: closing.`,
  };
}
