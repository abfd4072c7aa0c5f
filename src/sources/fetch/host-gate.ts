import type { SourceClock } from './fetch-types.js';

/**
 * Politeness per host: one request at a time, and at least `minGapMs` between the start of one request and the
 * next (on the injected clock). Requests to different hosts never wait for each other, so one slow site holds
 * up only its own queue.
 */
export class HostGate {
  readonly #clock: SourceClock;
  readonly #minGapMs: number;
  readonly #tails = new Map<string, Promise<void>>();
  readonly #lastStart = new Map<string, number>();

  constructor(clock: SourceClock, minGapMs: number) {
    this.#clock = clock;
    this.#minGapMs = minGapMs;
  }

  /** Runs `task` when the host is free and its gap has passed. */
  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    const previous = this.#tails.get(host) ?? Promise.resolve();
    const result = previous.then(async () => {
      const last = this.#lastStart.get(host);
      const wait = last === undefined ? 0 : last + this.#minGapMs - this.#clock.now().getTime();
      if (wait > 0) await this.#clock.sleep(wait);
      this.#lastStart.set(host, this.#clock.now().getTime());
      return task();
    });
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(host, tail);
    // Forget idle hosts so a long-running process does not keep one entry per host ever fetched.
    void tail.then(() => {
      if (this.#tails.get(host) === tail) this.#tails.delete(host);
    });
    return result;
  }
}

/** host:port, so two servers on one machine are two hosts, and a bad URL gets its own queue rather than an exception. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
