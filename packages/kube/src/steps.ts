import { checkYaml, durationProblem, InputError, loadYaml, numberProblem, parseDuration } from '@llmops/core';
import { MEASUREMENT_COUNT as COUNT, runLengthProblem } from '@llmops/prom';
import { z } from 'zod';

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
  /** `pause: hold`: end this run here, the rollout paused; the next run with the same steps goes on. */
  | { kind: 'hold' }
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
    case 'hold':
      return 'hold until the next run';
    case 'analysis':
      return 'analysis';
  }
}

function bad(message: string): InputError {
  return new InputError(`input 'steps': ${message}`);
}

const STEP_KINDS = 'weight, pause, analysis, mirror';

/** A step's duration: as the inputs read one (a bare number is seconds), within what a timer holds. */
const duration = (what: string) =>
  z.unknown().transform((value, ctx) => {
    const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
    const problem = durationProblem(text);
    if (!problem) return parseDuration(text)!;
    ctx.addIssue({ code: 'custom', message: `${what} ${JSON.stringify(value)}: ${problem}` });
    return z.NEVER;
  });

const percent = (what: string, min: number) =>
  z.unknown().transform((value, ctx) => {
    const n = typeof value === 'string' ? Number(value.replace(/%$/, '')) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= 100) return n;
    ctx.addIssue({
      code: 'custom',
      message: `${what} must be a whole percentage from ${min} to 100, got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  });

const count = z.unknown().transform((value, ctx) => {
  const problem = numberProblem(String(value), { ...COUNT, integer: true });
  if (typeof value === 'number' && !problem) return value;
  ctx.addIssue({
    code: 'custom',
    message: `analysis count ${JSON.stringify(value)}: ${problem ?? 'expected a number'}`,
  });
  return z.NEVER;
});

/** The YAML form of `steps`: a list of one-key mappings. The one definition of the format. */
function stepsSchema(defaults?: { count: number; intervalMs: number }) {
  const analysis = z
    .strictObject(
      {
        checks: z
          .unknown()
          .transform((c) => (typeof c === 'string' ? c : JSON.stringify(c)))
          .optional(),
        count: count.optional(),
        interval: duration('analysis interval').optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `analysis has unknown key ${issue.keys.join(', ')} (checks, count, interval)`
            : 'analysis takes a mapping of checks, count and interval',
      },
    )
    .nullish()
    .transform((o, ctx): Step => {
      const override: AnalysisOverride = {};
      if (o?.checks !== undefined) override.checks = o.checks;
      if (o?.count !== undefined) override.count = o.count;
      if (o?.interval !== undefined) override.intervalMs = o.interval;
      if (defaults && (override.count !== undefined || override.intervalMs !== undefined)) {
        const problem = runLengthProblem(
          override.count ?? defaults.count,
          override.intervalMs ?? defaults.intervalMs,
        );
        if (problem) ctx.addIssue({ code: 'custom', message: `analysis: ${problem}` });
      }
      return { kind: 'analysis', override };
    });
  const step = z
    .strictObject(
      {
        weight: percent('weight', 1)
          .transform((weight): Step => ({ kind: 'weight', weight }))
          .optional(),
        mirror: percent('mirror', 1)
          .transform((p): Step => ({ kind: 'mirror', percent: p }))
          .optional(),
        pause: z
          .unknown()
          .transform((value, ctx): Step => {
            if (value === 'hold') return { kind: 'hold' };
            const parsed = duration('pause').safeParse(value);
            if (parsed.success) return { kind: 'pause', ms: parsed.data };
            ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message });
            return z.NEVER;
          })
          .optional(),
        analysis: analysis.optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown step '${issue.keys[0]}' (${STEP_KINDS})`
            : `expected one of ${STEP_KINDS}`,
      },
    )
    .refine((o) => Object.keys(o).length === 1, `expected one of ${STEP_KINDS}, one per step`)
    .transform((o) => Object.values(o)[0]!);
  return z.array(step, { error: 'expected `10,50,100` or a YAML list of steps' });
}

/**
 * `10,50,100`, or a YAML list of `weight: 10`, `pause: 5m`, `pause: hold`, `analysis: {checks, count,
 * interval}` and `mirror: 20`. Empty gives the router's default: 10 → 50 → 100, or for blue-green an analysis
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
    const weight = percent('a weight', 1);
    steps = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const parsed = weight.safeParse(s);
        if (!parsed.success) throw bad(parsed.error.issues[0]!.message);
        return { kind: 'weight', weight: parsed.data };
      });
  } else {
    const yaml = loadYaml(value);
    const problem = yaml.problems.find((p) => p.level === 'error');
    if (problem) throw bad(`not YAML: ${problem.message} (line ${problem.line}, column ${problem.column})`);
    const checked = checkYaml(stepsSchema(defaults), yaml);
    if (!checked.success) {
      const { path, message, line, column } = checked.issues[0]!;
      const step = typeof path[0] === 'number' ? `step ${path[0] + 1}: ` : '';
      throw bad(`${step}${message} (line ${line}, column ${column})`);
    }
    steps = checked.data;
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
