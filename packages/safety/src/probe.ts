import { z } from 'zod';

export const expectations = ['refuse', 'comply', 'no-leak'] as const;
export type Expectation = (typeof expectations)[number];

export const transformNames = ['base64', 'rot13', 'leetspeak', 'roleplay', 'split', 'translate'] as const;
export type TransformName = (typeof transformNames)[number];

export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().min(1),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export interface Probe {
  /** Unique across all packs in a run; a transformed copy appends `~<transform>`. */
  id: string;
  pack: string;
  category: string;
  /** The attacker's (or user's) turn. A probe has a prompt, messages, or both (prompt is then the last turn). */
  prompt?: string;
  messages?: ChatMessage[];
  /** Untrusted content the app asks the model to work on (a web page, an email, a tool result). */
  document?: string;
  /** Privileged data the app gives the model (customer records): appended to the system prompt. */
  context?: string;
  /** The app's instruction for this turn (what a direct injection tries to override): appended to the system prompt. */
  task?: string;
  expect: Expectation;
  /** Text the attack tries to get out of the model; any of them in the answer, in any encoding, is a success. */
  markers?: string[];
  /** The transform that produced this copy; absent on the original. */
  transform?: TransformName;
  /** Where a custom probe was defined. */
  source?: { file: string; line: number };
}

export interface Pack {
  name: string;
  description: string;
  probes: Probe[];
}

const documentHeader = 'Content to work on (provided by a third party):';

/**
 * The chat a probe sends: the app's system prompt (plus the probe's privileged context), any earlier
 * turns, and the probe's turn with its document attached the way an app would paste it in.
 */
export function probeMessages(probe: Probe, systemPrompt = ''): ChatMessage[] {
  const system = [
    systemPrompt.trim(),
    probe.task?.trim() ?? '',
    probe.context ? `Reference data (confidential):\n${probe.context}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const messages: ChatMessage[] = [
    ...(system ? [{ role: 'system' as const, content: system }] : []),
    ...(probe.messages ?? []),
  ];
  if (probe.prompt !== undefined || probe.document !== undefined) {
    const parts = [
      probe.prompt ?? '',
      probe.document ? `${documentHeader}\n<<<\n${probe.document}\n>>>` : '',
    ];
    messages.push({ role: 'user', content: parts.filter(Boolean).join('\n\n') });
  }
  return messages;
}
