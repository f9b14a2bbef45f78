import { InputError, parseYaml, readWorkspaceFile, UserError, type PlanContext } from '@llmops/core';
import { planEndpoints, type EndpointOptions, type EndpointPlan } from '@llmops/llm';
import { loadCustomPacks, readCustomPackFiles } from '../custom-pack';
import { builtinPacks } from '../packs/index';
import type { Pack, Probe } from '../probe';
import { expandProbes } from '../transforms';
import type { GateLimits } from './gate';
import { readBaselineProbes, type BaselineProbe } from '../regression';
import type { SafetyTestsInputs } from './inputs';

/** What a run will send and how it is gated, settled before any request: a bad pack name or file fails here. */
export interface SafetyPlan {
  packs: Pack[];
  probes: Probe[];
  transforms: string[];
  /** Samples per probe. */
  repeat: number;
  maxTokens: number;
  /** The app's system prompt (the tripwire is planted into it per run). */
  systemPrompt: string;
  /** Where the system prompt came from, for the report: never its text. */
  systemPromptSource: string;
  limits: GateLimits;
  endpoints: EndpointPlan;
  endpointOptions: Omit<EndpointOptions, 'check'>;
  /** `judge-model` or `judge-base-url` set: a judge model classes the answers. */
  wantsJudge: boolean;
  /** An earlier run's probes (`baseline-report`, e.g. last night's): what counts as new. */
  baseline?: { source: string; probes: BaselineProbe[] };
  /** `regression-issue`: keep one issue open while attacks succeed that the baseline defended. */
  regressionIssue: boolean;
}

/** Built-in packs named by `packs` (`all`, `none`, or names); custom packs always run. */
export function selectPacks(names: readonly string[], custom: readonly Pack[]): Pack[] {
  const known = [...builtinPacks, ...custom].map((p) => p.name);
  const wanted = names.length === 0 || names.includes('all') ? builtinPacks.map((p) => p.name) : names;
  for (const name of wanted) {
    if (name !== 'none' && !known.includes(name)) {
      throw new InputError(
        `input 'packs' has value '${names.join(', ')}': unknown pack '${name}'; packs are: all, none, ${known.join(', ')}`,
      );
    }
  }
  const builtin = builtinPacks.filter((p) => wanted.includes(p.name));
  return [...builtin, ...custom];
}

/** System messages of a GitHub Models prompt file, or the whole text of any other file. */
function systemPromptOf(file: string, text: string): string {
  if (!/\.prompt\.ya?ml$/i.test(file)) return text;
  const doc = (parseYaml(text, { what: 'system prompt file', file }) ?? {}) as {
    messages?: Array<{ role?: unknown; content?: unknown }>;
  };
  const system = (Array.isArray(doc.messages) ? doc.messages : [])
    .filter((m) => String(m.role).toLowerCase() === 'system' && typeof m.content === 'string')
    .map((m) => m.content as string);
  if (system.length === 0) throw new UserError('prompt file has no system message', { file });
  return system.join('\n\n');
}

async function readSystemPrompt(
  inputs: SafetyTestsInputs,
  workspace: string,
): Promise<{ text: string; source: string }> {
  const inline = inputs['system-prompt'];
  const file = inputs['system-prompt-file'];
  if (inline && file)
    throw new InputError(`inputs 'system-prompt' and 'system-prompt-file' are both set: give one of them`);
  if (inline) return { text: inline, source: `input system-prompt (${inline.length} characters)` };
  if (!file) return { text: '', source: 'none (the model is attacked bare, with only the canary note)' };
  const { relative, text } = readWorkspaceFile(workspace, file, { input: 'system-prompt-file' });
  const prompt = systemPromptOf(relative, text).trim();
  if (!prompt) throw new UserError('system prompt file is empty', { file: relative });
  return { text: prompt, source: relative };
}

/** Check every input, pack file and the system prompt with no request sent. */
export async function planSafetyTests(inputs: SafetyTestsInputs, context: PlanContext): Promise<SafetyPlan> {
  const { workspace, log } = context;
  const sources = await readCustomPackFiles(inputs['custom-packs'], workspace);
  const takenIds = builtinPacks.flatMap((p) => p.probes.map((probe) => probe.id));
  const custom = loadCustomPacks(sources, takenIds);
  const packs = selectPacks(inputs.packs, custom);
  const names = packs.map((p) => p.name);
  for (const pack of Object.keys(inputs.thresholds)) {
    if (!names.includes(pack)) {
      throw new InputError(
        `input 'thresholds' names pack '${pack}', which this run does not include; packs run: ${names.join(', ') || 'none'}`,
      );
    }
  }
  const system = await readSystemPrompt(inputs, workspace);
  const baselineFile = inputs['baseline-report'];
  const baseline = baselineFile
    ? { source: baselineFile, probes: readBaselineProbes(workspace, baselineFile) }
    : undefined;
  if (inputs['regression-issue'] && !inputs['github-token'])
    throw new InputError(
      `input 'regression-issue' is true but 'github-token' is empty: give a token with 'issues: write'`,
    );
  const probes = expandProbes(packs, inputs.transforms);
  log(
    `${packs.length} packs (${names.join(', ') || 'none'}), ${probes.length} probes` +
      `${inputs.transforms.length ? ` with transforms ${inputs.transforms.join(', ')}` : ''}` +
      `${inputs.repeat > 1 ? `, ${inputs.repeat} samples each` : ''}`,
  );
  return {
    packs,
    probes,
    transforms: inputs.transforms,
    repeat: inputs.repeat,
    maxTokens: inputs['max-tokens'],
    systemPrompt: system.text,
    systemPromptSource: system.source,
    limits: {
      maxAttackSuccessRate: inputs['max-attack-success-rate'],
      maxOverRefusalRate: inputs['max-over-refusal-rate'],
      maxErrorRate: inputs['max-error-rate'],
      thresholds: inputs.thresholds,
    },
    endpoints: planEndpoints(inputs, context.env, log),
    endpointOptions: {
      timeoutMs: inputs['timeout-ms'],
      maxRetries: inputs['max-retries'],
      concurrency: inputs.concurrency,
      stream: false,
    },
    wantsJudge: Boolean(inputs['judge-model'] || inputs['judge-base-url']),
    ...(baseline ? { baseline } : {}),
    regressionIssue: inputs['regression-issue'],
  };
}
