import { durationProblem, loadYaml, numberProblem, parseDuration, UserError } from '@llmops/core';
import { MEASUREMENT_COUNT as COUNT, runLengthProblem } from '@llmops/prom';

/** Overrides an `analysis` step may give for its own measurement run. */
export interface AnalysisOverride {
  /** Checks (inline YAML list or workspace file) instead of the `checks` input. */
  checks?: string;
  count?: number;
  intervalMs?: number;
}

export type Step =
  | { kind: 'weight'; weight: number }
  | { kind: 'mirror'; percent: number }
  | { kind: 'pause'; ms: number }
  | { kind: 'analysis'; override: AnalysisOverride };

export const ROUTERS = ['istio', 'gateway-api', 'kserve', 'service'] as const;
export type RouterName = (typeof ROUTERS)[number];

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'weight':
      return `weight ${step.weight}%`;
    case 'mirror':
      return `mirror ${step.percent}%`;
    case 'pause':
      return `pause ${Math.round(step.ms / 1000)}s`;
    case 'analysis':
      return 'analysis';
  }
}

function bad(message: string): UserError {
  return new UserError(`input 'steps': ${message}`);
}

/** A step's duration: as the inputs read one (a bare number is seconds), within what a timer holds. */
function duration(value: unknown, what: string): number {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  const problem = durationProblem(text);
  if (problem) throw bad(`${what} ${JSON.stringify(value)}: ${problem}`);
  return parseDuration(text)!;
}

function percent(value: unknown, what: string, min: number): number {
  const n = typeof value === 'string' ? Number(value.replace(/%$/, '')) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > 100)
    throw bad(`${what} must be a whole percentage from ${min} to 100, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * `10,50,100`, or a YAML list of `weight: 10`, `pause: 5m`, `analysis: {checks, count, interval}`
 * and `mirror: 20`. Empty gives the router's default: 10 → 50 → 100, or for blue-green an analysis
 * of the new Deployment before it (when there are checks to run), then the switch.
 */
export function parseSteps(
  text: string,
  router: RouterName,
  hasChecks = true,
  defaults?: { count: number; intervalMs: number },
): Step[] {
  const blueGreen = hasChecks ? '- analysis: {}\n- weight: 100' : '- weight: 100';
  const value = text.trim() || (router === 'service' ? blueGreen : '10,50,100');
  let steps: Step[];
  if (/^[\d\s,%]+$/.test(value)) {
    steps = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => ({ kind: 'weight', weight: percent(s, 'a weight', 1) }));
  } else {
    const yaml = loadYaml(value);
    const problem = yaml.problems.find((p) => p.level === 'error');
    if (problem) throw bad(`not YAML: ${problem.message} (line ${problem.line}, column ${problem.column})`);
    const items = yaml.value;
    if (!Array.isArray(items)) throw bad('expected `10,50,100` or a YAML list of steps');
    steps = items.map((item, index) => {
      if (!item || typeof item !== 'object' || Object.keys(item).length !== 1)
        throw bad(`step ${index + 1}: expected one of weight, pause, analysis, mirror`);
      const [key, arg] = Object.entries(item as Record<string, unknown>)[0]!;
      switch (key) {
        case 'weight':
          return { kind: 'weight', weight: percent(arg, `step ${index + 1}: weight`, 1) };
        case 'mirror':
          return { kind: 'mirror', percent: percent(arg, `step ${index + 1}: mirror`, 1) };
        case 'pause':
          return { kind: 'pause', ms: duration(arg, `step ${index + 1}: pause`) };
        case 'analysis': {
          const o = (arg ?? {}) as Record<string, unknown>;
          if (typeof o !== 'object' || Array.isArray(o))
            throw bad(`step ${index + 1}: analysis takes a mapping`);
          const unknown = Object.keys(o).filter((k) => !['checks', 'count', 'interval'].includes(k));
          if (unknown.length) throw bad(`step ${index + 1}: analysis has unknown key ${unknown.join(', ')}`);
          const override: AnalysisOverride = {};
          if (o.checks !== undefined)
            override.checks = typeof o.checks === 'string' ? o.checks : JSON.stringify(o.checks);
          if (o.count !== undefined) {
            const problem = numberProblem(String(o.count), { ...COUNT, integer: true });
            if (typeof o.count !== 'number' || problem)
              throw bad(
                `step ${index + 1}: analysis count ${JSON.stringify(o.count)}: ${problem ?? 'expected a number'}`,
              );
            override.count = o.count;
          }
          if (o.interval !== undefined)
            override.intervalMs = duration(o.interval, `step ${index + 1}: analysis interval`);
          if (defaults && (override.count !== undefined || override.intervalMs !== undefined)) {
            const problem = runLengthProblem(
              override.count ?? defaults.count,
              override.intervalMs ?? defaults.intervalMs,
            );
            if (problem) throw bad(`step ${index + 1}: analysis: ${problem}`);
          }
          return { kind: 'analysis', override };
        }
        default:
          throw bad(`step ${index + 1}: unknown step '${key}' (weight, pause, analysis, mirror)`);
      }
    });
  }
  if (steps.length === 0) throw bad('no steps');
  if (router === 'service') {
    const partial = steps.find((s) => (s.kind === 'weight' && s.weight !== 100) || s.kind === 'mirror');
    if (partial)
      throw bad(
        `router 'service' (blue-green) switches all traffic at once: use 'weight: 100' with pause and analysis steps, not ${describeStep(partial)}`,
      );
  }
  if (router === 'kserve' && steps.some((s) => s.kind === 'mirror'))
    throw bad("router 'kserve' has no request mirroring: use istio or gateway-api for shadow steps");
  return steps;
}
