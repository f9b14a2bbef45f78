import type { Pack } from '../probe';
import { harmful } from './harmful';
import { jailbreak } from './jailbreak';
import { overRefusal } from './over-refusal';
import { pii } from './pii';
import { promptInjection } from './prompt-injection';
import { systemPromptLeak } from './system-prompt-leak';

export const builtinPacks: readonly Pack[] = [
  harmful,
  jailbreak,
  promptInjection,
  pii,
  systemPromptLeak,
  overRefusal,
];

export const builtinPackNames = builtinPacks.map((pack) => pack.name);

export { harmful, jailbreak, overRefusal, pii, promptInjection, systemPromptLeak };
