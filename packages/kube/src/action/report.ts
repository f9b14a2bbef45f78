import { formatDuration, type Finding, type Report, type Table } from '@llmops/core';
import type { RolloutResult } from '../rollout';

export type CanaryStepData = Omit<RolloutResult, 'headline' | 'reasons' | 'verdict'>;

const ICON: Record<string, string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  inconclusive: '⚠️ inconclusive',
  cancelled: '🛑 cancelled',
  error: '💥 error',
  pass: '✅',
  fail: '❌',
};

/** The one report of a canary-step run: summary, PR comment and JSON render from it. */
export function buildReport(result: RolloutResult): Report<CanaryStepData> {
  const stepsTable: Table = {
    title: 'Steps',
    columns: ['#', 'Step', 'Weight', 'Bake', 'Checks', 'Outcome'],
    rows: result.steps.map((s) => [
      s.index + 1,
      s.step,
      s.mirror ? `${s.weight}% (+${s.mirror}% mirrored)` : `${s.weight}%`,
      s.bakeMs ? formatDuration(s.bakeMs) : '—',
      [
        ...(s.analysis?.checks ?? []).map(
          (c) =>
            `${ICON[c.verdict] ?? c.verdict} ${c.name}: ${c.values || 'no value'} (${c.measurements} measured)${c.reason ? ` — ${c.reason}` : ''}`,
        ),
        ...(s.note ? [s.note] : []),
      ].join(' · ') || '—',
      ICON[s.outcome] ?? s.outcome,
    ]),
    note: result.resumedAt
      ? `Resumed at step ${result.resumedAt}: earlier steps passed in an earlier run.`
      : undefined,
  };
  const tables: Table[] = result.steps.length ? [stepsTable] : [];
  if (result.dryRun && result.changes.length) {
    tables.push({
      title: 'Changes a real run would make',
      columns: ['Verb', 'Object', 'Why', 'Fields'],
      rows: result.changes.map((c) => [
        c.verb,
        `${c.kind} ${c.name}`,
        c.reason,
        c.fields
          .map((f) => `${f.field}: ${f.from === undefined ? '' : `${String(f.from)} → `}${String(f.to)}`)
          .join('; ')
          .slice(0, 400),
      ]),
    });
  }
  const { coldStart } = result;
  if (coldStart?.pods.length)
    tables.push({
      title: 'Canary pod cold starts',
      columns: ['Pod', 'Created', 'Creation to ready'],
      rows: coldStart.pods.map((p) => [p.pod, p.createdAt, formatDuration(p.readyMs)]),
    });
  const prepull = coldStart?.prepull;
  const findings: Finding[] =
    result.verdict === 'pass'
      ? []
      : [
          {
            ruleId: result.rolledBack ? 'canary-step/rolled-back' : 'canary-step/failed',
            level: 'error',
            title: `canary-step: ${result.rolledBack ? 'rolled back' : result.outcome}`,
            message: [result.headline, ...result.reasons].join(' — '),
          },
        ];
  const { verdict, headline, reasons, ...data } = result;
  return {
    action: 'canary-step',
    verdict,
    headline: result.dryRun ? `[dry run] ${headline}` : headline,
    reasons,
    metrics: [
      ['Revision', result.revision || '—'],
      ['Route', result.route],
      ['Action', result.action],
      ['Outcome', result.outcome],
      ['Steps completed', `${result.stepsCompleted}/${result.totalSteps}`],
      ['Final weight', `${result.finalWeight}%`],
      ['Rolled back', result.rolledBack ? 'yes' : 'no'],
      ...(result.conflicts ? [['Write conflicts retried', result.conflicts] as [string, number]] : []),
      ...(prepull
        ? [
            [
              'Pre-pull',
              `${prepull.image} on ${prepull.nodes} node(s) by DaemonSet ${prepull.daemonSet} in ${formatDuration(prepull.durationMs)}`,
            ] as [string, string],
          ]
        : []),
    ],
    tables,
    findings,
    outputs: {
      'final-weight': result.finalWeight,
      'rolled-back': result.rolledBack,
      'steps-completed': result.stepsCompleted,
      revision: result.revision,
    },
    data,
  };
}
