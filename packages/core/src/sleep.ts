import { MAX_TIMER_MS } from './duration';

/**
 * Resolves after `ms`, or rejects with the signal's reason once it aborts. A delay past what one
 * timer holds (MAX_TIMER_MS) is waited out in pieces: a bare setTimeout would fire after 1 ms.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!(ms >= 0)) return Promise.reject(new RangeError(`sleep: expected a delay >= 0 ms, got ${ms}`));
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const end = Date.now() + ms;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const wait = (left: number) => {
      timer = setTimeout(
        () => {
          const rest = end - Date.now();
          if (left > MAX_TIMER_MS && rest > 0) return wait(rest);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(left, MAX_TIMER_MS),
      );
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    wait(ms);
  });
}
