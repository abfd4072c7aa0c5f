import type { Validators } from '../fetch/fetch-types.js';

/**
 * The port the feed poller and the `source` commands use to remember sources. Defined here, on the inner side,
 * so sources never depend on the store; the Store implements it (src/store/sources.ts).
 */
export type SourceId = string & { readonly __brand: 'SourceId' };
/** A folder is watched and walked; a feed is polled for items; a page is one article at a URL. */
export type SourceKind = 'folder' | 'feed' | 'page';
/** Who sees a source: everyone, or one Slack workspace / Discord guild (`slack:T123`, `discord:456`). */
export type SourceScope = 'global' | `${'slack' | 'discord' | 'local'}:${string}`;

export interface SourceRecord {
  readonly id: SourceId;
  readonly kind: SourceKind;
  /** A folder path, or the URL as the user gave it (canonical form). */
  readonly location: string;
  readonly scope: SourceScope;
  /** The feed's or page's own title, when it has one. */
  readonly title?: string;
  readonly addedAt: string;
}

export type NewSource = Pick<SourceRecord, 'kind' | 'location' | 'scope'> & { readonly title?: string };

/** Per URL, not per source: the same feed subscribed in five workspaces is fetched once. */
export interface FetchState {
  readonly location: string;
  readonly kind: Exclude<SourceKind, 'folder'>;
  readonly validators: Validators;
  readonly nextFetchAt: string;
  readonly lastFetchedAt?: string;
  readonly lastSuccessAt?: string;
  /** False until the first good fetch: that fetch's items are the backlog. */
  readonly primed: boolean;
  /** Consecutive failures; 0 when healthy. */
  readonly failures: number;
  readonly lastError?: string;
  /** Set when the subscribed channels were told the source is failing; cleared when it recovers. */
  readonly noticeSentAt?: string;
}

/** One remembered item key of a feed (guid, link or content key) and what became of it. */
export interface SeenItem {
  readonly key: string;
  readonly articleId?: string;
  /** Why nothing was stored (page without article, …), so a bad item is not fetched again on every poll. */
  readonly note?: string;
}

export interface SourceFilter {
  readonly scope?: SourceScope;
  readonly kind?: SourceKind;
  readonly location?: string;
}

export interface SourcePort {
  /** Adds the source (and its fetch state for a URL). The same location in the same scope is not added twice. */
  addSource(source: NewSource, at: Date): Promise<{ readonly added: boolean; readonly source: SourceRecord }>;
  /** By id or location, within the scope. The fetch state goes when no scope uses the URL any more. */
  removeSource(scope: SourceScope, idOrLocation: string): Promise<boolean>;
  /** Oldest first. */
  listSources(filter?: SourceFilter): Promise<SourceRecord[]>;
  getFetchState(location: string): Promise<FetchState | undefined>;
  /**
   * Claims up to `limit` URLs due at `now`, most overdue first, by moving their next fetch to `now + leaseMs`:
   * each due URL goes to one caller only, across every process sharing the store, and a claimer that dies
   * frees it when the lease runs out. Saving the state afterwards ends the claim. Returns the claimed states.
   */
  claimDueFetches(now: Date, limit: number, leaseMs: number): Promise<FetchState[]>;
  saveFetchState(state: FetchState): Promise<void>;
  /** The keys among `keys` already seen in the feed at `location`. */
  seenItems(location: string, keys: readonly string[]): Promise<Set<string>>;
  rememberItems(location: string, items: readonly SeenItem[], at: Date): Promise<void>;
}
