import { InputError, parseYaml, readWorkspaceFile, UserError } from '@llmops/core';
import { loadCustomPacks, readCustomPackFiles } from '../custom-pack';
import { builtinPacks } from '../packs/index';
import type { Pack, Probe } from '../probe';
import { expandProbes } from '../transforms';
import type { SafetyTestsInputs } from './inputs';

/** What a run will send, settled before any request: a bad pack name or file fails here. */
export interface SafetyPlan {
  packs: Pack[];
  probes: Probe[];
  /** The app's system prompt (the tripwire is planted into it per run). */
  systemPrompt: string;
  /** Where the system prompt came from, for the report: never its text. */
  systemPromptSource: string;
  thresholds: Record<string, number>;
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

export async function planSafetyRun(inputs: SafetyTestsInputs, workspace: string): Promise<SafetyPlan> {
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
  return {
    packs,
    probes: expandProbes(packs, inputs.transforms),
    systemPrompt: system.text,
    systemPromptSource: system.source,
    thresholds: inputs.thresholds,
  };
}
