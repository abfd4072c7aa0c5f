import type { Config } from '../config.js';
import { type Clock, systemClock } from '../scheduler/clock.js';
import { type SourceNotice, SourcePoller } from '../sources/feeds/source-poller.js';
import { createHttpGet } from '../sources/fetch/http-get.js';
import { createPoliteFetcher } from '../sources/fetch/polite-fetcher.js';
import type { Store } from '../store/store.js';

/** The fetching side of the sources, wired from the configuration (shared by `source` and the bots' live sources). */
export function createSourceRuntime(store: Store, config: Pick<Config, 'WIREBRIEF_USER_AGENT'>, notify?: (notice: SourceNotice) => Promise<void>, clock: Clock = systemClock) {
  const get = createHttpGet({ userAgent: config.WIREBRIEF_USER_AGENT });
  const fetcher = createPoliteFetcher({ get, clock });
  const poller = new SourcePoller({ store, sink: store, fetcher, clock, ...(notify ? { notify } : {}) });
  return { fetcher, poller, close: () => get.close() };
}
