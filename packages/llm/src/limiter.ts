/**
 * A concurrency limit that backs off under sustained rate limiting: each 429 halves the
 * number of requests in flight (never below 1), each success lets one more back in, up to the
 * configured limit (additive increase, multiplicative decrease, as TCP does).
 */
export class AdaptiveLimiter {
  private active = 0;
  private current: number;
  private readonly queue: Array<() => void> = [];
  private lastCut = 0;

  constructor(private readonly max: number) {
    this.current = Math.max(1, max);
  }

  get limit(): number {
    return this.current;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
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

  private acquire(): Promise<void> {
    if (this.active < this.current) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    this.active--;
    this.drain();
  }

  private drain(): void {
    while (this.active < this.current && this.queue.length > 0) {
      this.active++;
      this.queue.shift()!();
    }
  }
}
