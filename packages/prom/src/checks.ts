import { isSeq } from 'yaml';
import { z } from 'zod';
import {
  durationProblem,
  formatDuration,
  isInlineYaml,
  loadYaml,
  parseDuration,
  readWorkspaceFile,
  UserError,
} from '@llmops/core';
import { PRESET_NAMES, PRESETS, type CountQueries, type Preset } from './presets';
import type { Direction } from './stats/judge';

export const TESTS = ['threshold', 'rank-sum', 'proportion'] as const;
export type TestKind = (typeof TESTS)[number];
export const NO_DATA = ['fail', 'inconclusive', 'pass'] as const;
export type NoDataPolicy = (typeof NO_DATA)[number];

// The one duration reading (core's), as the inputs use it: at least 1 ms, at most what a timer holds.
const duration = z.string().superRefine((value, ctx) => {
  const problem = durationProblem(value, { min: 1 });
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const text = z.string().trim().min(1);

/** One entry of `checks`, as the user writes it (kebab-case keys, as in the action's inputs). */
export const checkSchema = z
  .object({
    name: text,
    query: text.optional(),
    preset: z.enum(PRESET_NAMES).optional(),
    selector: z.string().optional(),
    window: duration.optional(),
    step: duration.optional(),
    'rate-window': duration.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    'baseline-query': text.optional(),
    'baseline-selector': z.string().optional(),
    'max-increase': z.number().min(0).optional(),
    'max-decrease': z.number().min(0).max(1).optional(),
    'success-query': text.optional(),
    'total-query': text.optional(),
    'baseline-success-query': text.optional(),
    'baseline-total-query': text.optional(),
    test: z.enum(TESTS).optional(),
    direction: z.enum(['increase', 'decrease', 'either']).optional(),
    tolerance: z.number().min(0).optional(),
    confidence: z.number().gt(0.5).lt(1).optional(),
    'min-samples': z.number().int().min(1).optional(),
    'no-data': z.enum(NO_DATA).optional(),
  })
  .strict();
export type CheckSpec = z.output<typeof checkSchema>;

/** A check with its PromQL resolved and every default filled in: what a measurement runs. */
export interface Check {
  name: string;
  test: TestKind;
  preset?: string;
  /** Canary and baseline PromQL (threshold, rank-sum). */
  query?: string;
  baselineQuery?: string;
  /** Success/total PromQL (proportion). */
  counts?: CountQueries;
  baselineCounts?: CountQueries;
  windowMs: number;
  /** Range-query resolution (rank-sum). */
  stepMs: number;
  /**
   * rank-sum: the range each point is a rate over. Points closer than this share data, so only
   * about one per rate window is an independent sample.
   */
  rateWindowMs?: number;
  /** What the user should know about the check's settings (shown in the report). */
  warnings?: string[];
  min?: number;
  max?: number;
  maxIncrease?: number;
  maxDecrease?: number;
  direction: Direction;
  /** rank-sum: fraction of the baseline median; proportion: absolute error rate. */
  tolerance: number;
  confidence: number;
  minSamples: number;
  /** Overrides the run's `no-data` policy. */
  noData?: NoDataPolicy;
  /** Where the check was written, when it came from a file. */
  source?: { file: string; line: number };
}

export const DEFAULTS = {
  window: '5m',
  /** rank-sum: also the default step, so the points do not overlap. */
  rankSumRateWindow: '1m',
  rankSumTolerance: 0.15,
  proportionTolerance: 0,
  confidence: 0.95,
  rankSumMinSamples: 10,
  proportionMinSamples: 100,
} as const;

/**
 * How many of `points` consecutive range-query points of a rank-sum check are independent: one
 * per rate window when the step is shorter than it, each point otherwise.
 */
export function independentSamples(check: Pick<Check, 'stepMs' | 'rateWindowMs'>, points: number): number {
  if (points <= 0 || !check.rateWindowMs || check.stepMs >= check.rateWindowMs) return Math.max(0, points);
  return Math.floor(((points - 1) * check.stepMs) / check.rateWindowMs) + 1;
}

/** Milliseconds as a Prometheus duration (`90s`, `1500ms`). */
export function promDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.round(ms)}ms`;
}

function invalid(message: string, where: string, source?: Check['source']): UserError {
  return new UserError(`checks: ${where}: ${message}`, source);
}

/**
 * Selectors for preset checks that name none: canary-step passes its `canary-selector` and
 * `baseline-selector` here, so one checks file serves every step.
 */
export interface SelectorDefaults {
  selector?: string;
  baselineSelector?: string;
}

type Fail = (message: string) => UserError;

/** Keys that only make sense together (a bound with a baseline, a test with its settings). */
function checkCombination(
  spec: CheckSpec,
  test: TestKind,
  preset: boolean,
  hasBaseline: boolean,
  fail: Fail,
): void {
  if (spec.query && spec.preset) throw fail("give 'query' or 'preset', not both");
  if (spec['baseline-selector'] !== undefined && !preset)
    throw fail("'baseline-selector' needs a 'preset'; use 'baseline-query' with 'query'");
  if (spec.selector !== undefined && !preset) throw fail("'selector' needs a 'preset'");
  const bounds = [spec.min, spec.max, spec['max-increase'], spec['max-decrease']].some(
    (b) => b !== undefined,
  );
  if (test !== 'threshold' && bounds)
    throw fail(`min, max, max-increase and max-decrease apply to test: threshold, not ${test}`);
  if (test === 'threshold' && !bounds)
    throw fail('a threshold check needs min, max, max-increase or max-decrease');
  if ((spec['max-increase'] !== undefined || spec['max-decrease'] !== undefined) && !hasBaseline) {
    throw fail(
      "max-increase and max-decrease compare with a baseline: add 'baseline-query' or 'baseline-selector'",
    );
  }
  if (test !== 'threshold' && !hasBaseline)
    throw fail(`test: ${test} compares canary with a baseline: add 'baseline-query' or 'baseline-selector'`);
  if (spec.tolerance !== undefined && test === 'threshold')
    throw fail("'tolerance' applies to rank-sum and proportion tests");
}

/** test: proportion: success and total counts for canary and baseline, from a preset or queries. */
function withCounts(check: Check, spec: CheckSpec, preset: Preset | undefined, fail: Fail): Check {
  if (spec.query || spec['baseline-query'])
    throw fail(
      "test: proportion uses counts: 'success-query' and 'total-query' (and baseline-…), or a preset with counts",
    );
  const range = promDuration(check.windowMs);
  if (preset) {
    if (!preset.counts) {
      const withCounts = PRESET_NAMES.filter((n) => PRESETS[n]!.counts).join(', ');
      throw fail(
        `preset '${spec.preset}' has no request counts for a proportion test; presets that do: ${withCounts}`,
      );
    }
    check.counts = preset.counts(spec.selector ?? '', range);
    if (spec['baseline-selector'] !== undefined)
      check.baselineCounts = preset.counts(spec['baseline-selector'], range);
  } else {
    if (!spec['success-query'] || !spec['total-query'])
      throw fail("test: proportion needs 'success-query' and 'total-query' (or a preset)");
    check.counts = { success: spec['success-query'], total: spec['total-query'] };
  }
  if (spec['baseline-success-query'] || spec['baseline-total-query']) {
    if (!spec['baseline-success-query'] || !spec['baseline-total-query'])
      throw fail("give both 'baseline-success-query' and 'baseline-total-query'");
    check.baselineCounts = { success: spec['baseline-success-query'], total: spec['baseline-total-query'] };
  }
  if (!check.baselineCounts)
    throw fail(
      "test: proportion needs 'baseline-selector' (with a preset) or 'baseline-success-query' and 'baseline-total-query'",
    );
  return check;
}

/**
 * rank-sum samples the window every `step`, each point a rate over the (shorter) rate window.
 * The test takes its points as independent samples; points closer than the rate window overlap
 * (each is a rate over it), so the step defaults to the rate window and the window to one that
 * holds min-samples of them.
 */
function sampleEvery(check: Check, spec: CheckSpec): void {
  const rateWindowMs = parseDuration(spec['rate-window'] ?? DEFAULTS.rankSumRateWindow)!;
  check.rateWindowMs = rateWindowMs;
  check.stepMs = spec.step ? parseDuration(spec.step)! : rateWindowMs;
  if (!spec.window) check.windowMs = Math.max(check.windowMs, (check.minSamples - 1) * check.stepMs);
  const warnings: string[] = [];
  if (check.stepMs < rateWindowMs) {
    warnings.push(
      `step ${formatDuration(check.stepMs)} is shorter than rate-window ${formatDuration(rateWindowMs)}: neighbouring points share data, so the test uses only every ${Math.ceil(rateWindowMs / check.stepMs)}th point, one per rate window`,
    );
  }
  const independent = independentSamples(check, Math.floor(check.windowMs / check.stepMs) + 1);
  if (independent < check.minSamples) {
    warnings.push(
      `window ${formatDuration(check.windowMs)} holds about ${independent} independent samples, fewer than min-samples ${check.minSamples}: every measurement will be inconclusive; lengthen the window or shorten rate-window`,
    );
  }
  if (warnings.length) check.warnings = warnings;
}

/** Resolve one user-written check into the queries and settings a measurement needs. */
export function resolveCheck(
  written: CheckSpec,
  source?: Check['source'],
  defaults: SelectorDefaults = {},
): Check {
  const where = `check '${written.name}'`;
  const spec: CheckSpec = { ...written };
  // A check that only bounds the canary (min or max) stays absolute: given a baseline it would
  // query the stable for nothing, and go unmeasured at 100% where the stable has no traffic.
  const compares =
    (spec.test ?? 'threshold') !== 'threshold' ||
    spec['max-increase'] !== undefined ||
    spec['max-decrease'] !== undefined;
  if (spec.preset) {
    spec.selector ??= defaults.selector;
    if (compares && spec['baseline-query'] === undefined)
      spec['baseline-selector'] ??= defaults.baselineSelector;
  }
  const fail = (message: string) => invalid(message, where, source);
  const test: TestKind = spec.test ?? 'threshold';
  const preset = spec.preset ? PRESETS[spec.preset]! : undefined;
  const windowMs = parseDuration(spec.window ?? DEFAULTS.window)!;
  const hasBaseline =
    spec['baseline-query'] !== undefined ||
    spec['baseline-selector'] !== undefined ||
    spec['baseline-success-query'] !== undefined;
  checkCombination(spec, test, !!preset, hasBaseline, fail);

  const check: Check = {
    name: spec.name,
    test,
    preset: spec.preset,
    windowMs,
    stepMs: 0,
    min: spec.min,
    max: spec.max,
    maxIncrease: spec['max-increase'],
    maxDecrease: spec['max-decrease'],
    direction: spec.direction ?? (test === 'proportion' ? 'increase' : (preset?.direction ?? 'increase')),
    tolerance:
      spec.tolerance ?? (test === 'proportion' ? DEFAULTS.proportionTolerance : DEFAULTS.rankSumTolerance),
    confidence: spec.confidence ?? DEFAULTS.confidence,
    minSamples:
      spec['min-samples'] ??
      (test === 'proportion'
        ? DEFAULTS.proportionMinSamples
        : test === 'rank-sum'
          ? DEFAULTS.rankSumMinSamples
          : 1),
    noData: spec['no-data'],
    source,
  };
  if (check.min !== undefined && check.max !== undefined && check.min > check.max)
    throw fail(`min ${check.min} is above max ${check.max}`);

  if (test === 'proportion') return withCounts(check, spec, preset, fail);

  for (const key of [
    'success-query',
    'total-query',
    'baseline-success-query',
    'baseline-total-query',
  ] as const) {
    if (spec[key] !== undefined) throw fail(`'${key}' applies to test: proportion`);
  }
  if (!spec.query && !preset) throw fail("needs 'query' (PromQL) or 'preset'");
  // A threshold check rates over the whole window; a rank-sum check samples it every `step`.
  if (test === 'rank-sum') sampleEvery(check, spec);
  else if (spec.step || spec['rate-window']) throw fail("'step' and 'rate-window' apply to test: rank-sum");
  const range =
    test === 'rank-sum' ? (spec['rate-window'] ?? DEFAULTS.rankSumRateWindow) : promDuration(windowMs);
  if (preset) {
    check.query = preset.value(spec.selector ?? '', range);
    if (spec['baseline-selector'] !== undefined)
      check.baselineQuery = preset.value(spec['baseline-selector'], range);
  } else {
    check.query = spec.query;
  }
  if (spec['baseline-query']) {
    if (check.baselineQuery) throw fail("give 'baseline-query' or 'baseline-selector', not both");
    check.baselineQuery = spec['baseline-query'];
  }
  return check;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.join('.');
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_value' && 'values' in issue)
    return `'${key}' must be one of ${issue.values.join(', ')}`;
  return key ? `'${key}': ${issue.message}` : issue.message;
}

/** Parse and resolve a YAML list of checks. `file` (workspace-relative) is only for messages. */
export function parseChecks(yamlText: string, file?: string, defaults?: SelectorDefaults): Check[] {
  const { doc, lines, problems, value: all } = loadYaml(yamlText);
  const error = problems.find((p) => p.level === 'error');
  if (error) {
    throw new UserError(
      `checks: ${error.message}${file ? '' : ` (line ${error.line}, column ${error.column})`}`,
      file ? { file, line: error.line, column: error.column } : undefined,
    );
  }
  if (!isSeq(doc.contents))
    throw new UserError('checks: expected a YAML list of checks', file ? { file, line: 1 } : undefined);
  const items = doc.contents.items;
  if (items.length === 0)
    throw new UserError('checks: the list is empty', file ? { file, line: 1 } : undefined);
  const seen = new Set<string>();
  return items.map((node, index) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0];
    const source = file && offset !== undefined ? { file, line: lines.linePos(offset).line } : undefined;
    const value = (all as unknown[])[index];
    const parsed = checkSchema.safeParse(value);
    const label =
      value && typeof value === 'object' && 'name' in value
        ? `check '${String((value as { name: unknown }).name)}'`
        : `checks[${index}]`;
    if (!parsed.success) throw invalid(describeIssue(parsed.error.issues[0]!), label, source);
    if (seen.has(parsed.data.name)) throw invalid('duplicate name: each check needs its own', label, source);
    seen.add(parsed.data.name);
    return resolveCheck(parsed.data, source, defaults);
  });
}

/**
 * The `checks` input: an inline YAML list, or the path of a YAML file inside the workspace.
 */
export function loadChecks(value: string, workspace: string, defaults?: SelectorDefaults): Check[] {
  const trimmed = value.trim();
  if (isInlineYaml(trimmed)) return parseChecks(trimmed, undefined, defaults);
  const { text, relative } = readWorkspaceFile(workspace, trimmed, { input: 'checks' });
  return parseChecks(text, relative, defaults);
}
