import { countFindings, type Report, type Table } from '@llmops/core';
import type { ValidatePlan } from './plan';
import type { PromptSummary, ValidateResult } from './run';

export type ValidateReport = Report<{ prompts: PromptSummary[] }>;

/** The one report: findings in file order, a table of prompts with tokens, context use and cost. */
export function buildValidateReport(result: ValidateResult, plan: ValidatePlan): ValidateReport {
  const { measured, changed, prompts } = result;
  const files = plan.files;
  const findings = [...result.findings].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  const errors = countFindings(findings, 'error');
  const warnings = countFindings(findings, 'warning');
  const failing = errors + (plan.failOn === 'warning' ? warnings : 0);
  const totalTokens = measured.reduce((n, s) => n + (s.tokens ?? 0), 0);
  const cost = measured.reduce((n, s) => n + (s.costPer1kCallsUsd ?? 0), 0);
  const approximate = measured.some((s) => s.tokenMethod === 'estimate');
  const table: Table = {
    title: 'Prompts',
    columns: ['File', 'Name', 'Model', 'Tokens', 'Context use', 'Cost / 1k calls', 'Version', 'Changed'],
    rows: measured.map((s) => [
      s.file,
      s.name,
      s.model,
      s.tokens === undefined ? undefined : `${s.tokenMethod === 'estimate' ? '≈' : ''}${s.tokens}`,
      s.contextWindow
        ? `${((((s.tokens ?? 0) + (s.maxTokens ?? 0)) / s.contextWindow) * 100).toFixed(1)}%`
        : undefined,
      s.costPer1kCallsUsd === undefined ? undefined : `$${s.costPer1kCallsUsd.toFixed(4)}`,
      s.version,
      s.changed,
    ]),
    note: approximate
      ? '≈ approximate count (no tokenizer for the model): set tokenize-url for exact counts.'
      : undefined,
  };
  return {
    action: 'validate-prompts',
    verdict: failing > 0 ? 'fail' : 'pass',
    headline: `${files.length} files, ${prompts.length} prompts: ${errors} errors, ${warnings} warnings`,
    reasons: failing > 0 ? [`${failing} findings at or above '${plan.failOn}'`] : [],
    metrics: [
      ['Files', files.length],
      ['Prompts', prompts.length],
      ['Errors', errors],
      ['Warnings', warnings],
      ['Prompt tokens', `${approximate ? '≈' : ''}${totalTokens}`],
      ['Cost / 1k calls', `$${cost.toFixed(4)}`],
      ...(plan.baseRef ? ([['Changed', changed.length]] as Array<[string, number]>) : []),
    ],
    tables: [table],
    findings,
    outputs: {
      files: files.length,
      prompts: prompts.length,
      errors,
      warnings,
      'total-tokens': totalTokens,
      'estimated-cost-usd': Number(cost.toFixed(6)),
      'changed-prompts': changed.join(','),
    },
    data: { prompts: measured },
  };
}
