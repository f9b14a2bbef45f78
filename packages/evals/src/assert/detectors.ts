import { detectRefusal, findPii } from '@llmops/safety/detectors';

/**
 * Detectors behind the `refusal`, `not-refusal` and `no-pii` assertions: the ones safety-tests
 * measures on its labelled set. Swappable for tests or stricter policies.
 */
export interface Detectors {
  detectRefusal(
    text: string,
    options?: { request?: string },
  ): { refused: boolean; empty?: boolean; reason: string };
  findPii(text: string): Array<{ kind: string }>;
}

export const defaultDetectors: Detectors = { detectRefusal, findPii };
