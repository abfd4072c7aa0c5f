import { HostGate } from './host-gate.js';
import type { HttpGet } from './http-get.js';
import type { FetchOutcome, SourceClock, Validators } from './fetch-types.js';

export interface PoliteFetcherOptions {
  readonly get: HttpGet;
  readonly clock: SourceClock;
  /** Minimum time between two requests to one host (default 1 s). */
  readonly hostGapMs?: number;
}

/** Fetches through the host gate; the same URL asked for while a fetch of it is under way shares that fetch. */
export interface PoliteFetcher {
  fetch(url: string, validators?: Validators): Promise<FetchOutcome>;
}

export function createPoliteFetcher(options: PoliteFetcherOptions): PoliteFetcher {
  const gate = new HostGate(options.clock, options.hostGapMs ?? 1_000);
  const inFlight = new Map<string, Promise<FetchOutcome>>();
  return {
    fetch(url, validators) {
      const key = `${url}\n${validators?.etag ?? ''}\n${validators?.lastModified ?? ''}`;
      const running = inFlight.get(key);
      if (running) return running;
      const started = gate.run(url, () => options.get(url, validators)).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
  };
}
