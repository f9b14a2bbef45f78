import { sleep } from '@llmops/core';

/** Time as the measurement loop sees it: real in actions, manual in tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  // Past 2^31-1 ms a bare setTimeout fires at once; core's sleep waits it out in pieces.
  sleep: (ms, signal) => sleep(ms, signal),
};

/** A clock that jumps forward on every sleep instead of waiting: for tests and simulations. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  }
}
