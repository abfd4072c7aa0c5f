import type { SourcePort } from '../sources/feeds/source-port.js';

// The types belong to the sources port (sources may not import the store); the store implements it.
export type {
  FetchState,
  NewSource,
  SeenItem,
  SourceFilter,
  SourceId,
  SourceKind,
  SourceRecord,
  SourceScope,
} from '../sources/feeds/source-port.js';

/** Where sources (folders, feeds, article URLs), their fetch state and the feed items already seen live. */
export type SourceStore = SourcePort;
