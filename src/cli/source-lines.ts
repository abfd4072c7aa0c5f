import type { FetchState, SourceRecord } from '../sources/feeds/source-port.js';

/** Where a source is not a folder, its fetch state; a folder has none (it is watched, not fetched). */
export interface SourceWithState {
  readonly source: SourceRecord;
  readonly state?: FetchState;
}

export async function withStates(
  sources: readonly SourceRecord[],
  store: { getFetchState(location: string): Promise<FetchState | undefined> },
): Promise<SourceWithState[]> {
  return Promise.all(
    sources.map(async (source) => {
      const state = source.kind === 'folder' ? undefined : await store.getFetchState(source.location);
      return state ? { source, state } : { source };
    }),
  );
}

export function isFailing(entry: SourceWithState): boolean {
  return (entry.state?.failures ?? 0) > 0;
}

/** One source as `source list` and `status` print it: failing ones with how often in a row and their last error. */
export function sourceLine({ source: s, state }: SourceWithState): string {
  const health = !state
    ? ''
    : state.failures > 0
      ? ` FAILING ×${state.failures}: ${state.lastError ?? 'no reason recorded'}`
      : state.lastSuccessAt
        ? ` ok, fetched ${state.lastSuccessAt}`
        : ' not fetched yet';
  return `${s.id}  ${s.kind.padEnd(6)} ${s.scope.padEnd(14)} ${s.location}${s.title ? ` (${s.title})` : ''}${health}`;
}
