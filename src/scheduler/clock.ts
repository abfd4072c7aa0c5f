/** Time as the scheduler sees it; injected so that tests move time forward instead of waiting. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` (or at once when `signal` aborts, so shutdown is never held up by a backoff). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    }),
};
