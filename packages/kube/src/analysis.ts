import type { Verdict } from '@llmops/core';
import {
  formatValue,
  measureChecks,
  type Check,
  type Clock,
  type Limits,
  type Measurement,
  type NoDataPolicy,
  type PromApi,
} from '@llmops/prom';
import type { AnalysisOverride } from './steps';

/** A check judged against the stable version's metrics (needs baseline traffic). */
export function isComparative(check: Check): boolean {
  return check.test === 'rank-sum' || !!check.baselineQuery || !!check.baselineCounts;
}

/** One check's result at one step: its last values and how its measurements went. */
export interface CheckOutcome {
  name: string;
  verdict: Verdict;
  /** Last measured values, e.g. `canary 0.61 vs baseline 0.2 (×3.05)`. */
  values: string;
  /** Why it did not pass (empty on a pass). */
  reason: string;
  measurements: number;
}

export interface AnalysisResult {
  verdict: Verdict;
  checks: CheckOutcome[];
  /** One line on why the verdict is not a pass. */
  reason: string;
  cancelled: boolean;
  measurements: Measurement[];
  /** What was not measured and why (comparisons at 100%). */
  note?: string;
}

export interface AnalysisOptions {
  /** Only checks without a baseline: at 100% the stable serves nothing to compare with. */
  absoluteOnly?: boolean;
}

/** What the rollout asks of metric analysis; the Prometheus implementation is `promAnalysis`. */
export interface Analysis {
  /** Checks measured at every step (0: only `analysis` steps with their own checks measure). */
  readonly checks: number;
  run(
    label: string,
    override: AnalysisOverride | undefined,
    signal?: AbortSignal,
    options?: AnalysisOptions,
  ): Promise<AnalysisResult>;
}

/** metric-gate's checks and limits as each step measures them; the checks read and parsed already. */
export interface AnalysisSettings {
  /** The `checks` input, parsed (empty: only analysis steps with their own checks measure). */
  checks: Check[];
  /** An analysis step's own checks, parsed, by the text the step gives. */
  stepChecks: ReadonlyMap<string, Check[]>;
  count: number;
  intervalMs: number;
  limits: Limits;
  noData: NoDataPolicy;
}

export interface PromAnalysisOptions extends AnalysisSettings {
  prom: PromApi;
  clock: Clock;
  retryDelayMs?: number;
  log: (line: string) => void;
}

function values(m: Measurement | undefined): string {
  if (!m) return '';
  if (m.canary === undefined) return m.message;
  const canary = formatValue(m.canary);
  if (m.baseline === undefined) return canary;
  const ratio = m.ratio !== undefined && Number.isFinite(m.ratio) ? ` (×${formatValue(m.ratio)})` : '';
  return `canary ${canary} vs baseline ${formatValue(m.baseline)}${ratio}`;
}

function stepChecksOf(planned: ReadonlyMap<string, Check[]>, text: string): Check[] {
  const checks = planned.get(text);
  // The plan parses every analysis step's checks before the first write.
  if (!checks) throw new Error(`an analysis step's checks were not planned: ${text}`);
  return checks;
}

/** metric-gate's checks and limits, run at a step against the canary and baseline selectors. */
export function promAnalysis(options: PromAnalysisOptions): Analysis {
  const base = options.checks;
  return {
    checks: base.length,
    async run(label, override, signal, runOptions) {
      const all = override?.checks ? stepChecksOf(options.stepChecks, override.checks) : base;
      const skipped = runOptions?.absoluteOnly ? all.filter(isComparative) : [];
      const checks = all.filter((c) => !skipped.includes(c));
      const note = skipped.length
        ? `canary at 100%: no baseline traffic, comparative check(s) not measured: ${skipped.map((c) => c.name).join(', ')}`
        : undefined;
      if (note) options.log(`${label}: ${note}`);
      if (checks.length === 0)
        return { verdict: 'pass', checks: [], reason: '', cancelled: false, measurements: [], note };
      const count = override?.count ?? options.count;
      const intervalMs = override?.intervalMs ?? options.intervalMs;
      options.log(
        `${label}: analysis of ${checks.length} check(s), ${count} measurement(s) ${Math.round(intervalMs / 1000)}s apart`,
      );
      const result = await measureChecks(checks, {
        prom: options.prom,
        clock: options.clock,
        count,
        intervalMs,
        noData: options.noData,
        limits: options.limits,
        retryDelayMs: options.retryDelayMs,
        signal,
        onMeasurement: (m) => options.log(`  ${m.check} #${m.index}: ${m.outcome} — ${m.message}`),
      });
      const outcomes: CheckOutcome[] = result.checks.map((c) => {
        const mine = result.measurements.filter((m) => m.check === c.check.name);
        const last = [...mine].reverse().find((m) => m.canary !== undefined) ?? mine[mine.length - 1];
        const lastBad = [...mine].reverse().find((m) => m.outcome !== 'success');
        return {
          name: c.check.name,
          verdict: c.verdict,
          values: values(last),
          reason: c.verdict === 'pass' ? '' : `${c.reason}${lastBad ? ` — last: ${lastBad.message}` : ''}`,
          measurements: mine.length,
        };
      });
      const bad = outcomes.filter((c) => c.verdict !== 'pass');
      return {
        verdict: result.verdict,
        checks: outcomes,
        reason: [
          ...bad.map((c) => `${c.name}: ${c.reason}`),
          ...(result.cancelled ? ['cancelled'] : []),
        ].join('; '),
        cancelled: result.cancelled,
        measurements: result.measurements,
        note,
      };
    },
  };
}
