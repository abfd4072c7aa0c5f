import type { Clock } from '../../src/scheduler/clock.js';

/** A clock that only moves when told to: sleeping advances it at once, so tests never wait. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  #now: number;

  constructor(start: string) {
    this.#now = Date.parse(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.#now += ms;
  }

  set(iso: string): void {
    this.#now = Date.parse(iso);
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
