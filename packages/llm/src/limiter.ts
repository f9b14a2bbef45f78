/**
 * A concurrency limit that backs off under sustained rate limiting: each 429 halves the
 * number of requests in flight (never below 1), each success lets one more back in, up to the
 * configured limit (additive increase, multiplicative decrease, as TCP does).
 */
export class AdaptiveLimiter {
  private active = 0;
  private current: number;
  private readonly queue: Array<{
    grant: () => void;
    reject: (error: Error) => void;
    signal?: AbortSignal;
    dropped: boolean;
  }> = [];
  /** Signals with our one abort listener (not one per queued request). */
  private readonly watched = new WeakSet<AbortSignal>();
  private lastCut = 0;

  constructor(private readonly max: number) {
    this.current = Math.max(1, max);
  }

  get limit(): number {
    return this.current;
  }

  /** Run the task when a slot is free; rejects without running it if `signal` aborts first. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** A 429 came back. Cuts at most once per 500 ms, so a burst of 429s counts as one signal. */
  rateLimited(now = Date.now()): void {
    if (now - this.lastCut < 500) return;
    this.lastCut = now;
    this.current = Math.max(1, Math.floor(this.current / 2));
  }

  succeeded(): void {
    if (this.current < this.max) {
      this.current++;
      this.drain();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.active < this.current) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ grant: resolve, reject, signal, dropped: false });
      if (signal && !this.watched.has(signal)) {
        this.watched.add(signal);
        signal.addEventListener('abort', () => this.dropQueued(signal), { once: true });
      }
    });
  }

  /** A cancelled job must not send what is still queued: reject it, never give it a slot. */
  private dropQueued(signal: AbortSignal): void {
    for (const entry of this.queue) {
      if (entry.signal !== signal || entry.dropped) continue;
      entry.dropped = true;
      entry.reject(abortError(signal));
    }
  }

  private release(): void {
    this.active--;
    this.drain();
  }

  private drain(): void {
    while (this.active < this.current && this.queue.length > 0) {
      const next = this.queue.shift()!;
      if (next.dropped) continue;
      this.active++;
      next.grant();
    }
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
}
