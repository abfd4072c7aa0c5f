import type { FetchOutcome, SourceClock } from '../fetch/fetch-types.js';
import type { PoliteFetcher } from '../fetch/polite-fetcher.js';
import type { ArticleSink } from '../ingest-sink.js';
import { collectItems, keysOf, type ItemSkip } from './collect-items.js';
import { canonicalLink, type FeedItem } from './feed-item.js';
import { type ItemArticle, itemArticle, pageArticle } from './item-article.js';
import { parseFeedText } from './parse-feed.js';
import { backoffMs, defaultPollPolicy, type PollPolicy, storedAtFor } from './poll-policy.js';
import type { FetchState, SourcePort, SourceScope } from './source-port.js';

/** Told to the channels of every scope that uses the source: once when it starts failing, once when it recovers. */
export type SourceNotice =
  | { readonly kind: 'failing'; readonly location: string; readonly scopes: readonly SourceScope[]; readonly failures: number; readonly reason: string }
  | { readonly kind: 'recovered'; readonly location: string; readonly scopes: readonly SourceScope[] };

export type PollReport =
  | { readonly location: string; readonly outcome: 'not-modified' }
  | { readonly location: string; readonly outcome: 'fetched'; readonly created: number; readonly unchanged: number; readonly skipped: readonly ItemSkip[] }
  | { readonly location: string; readonly outcome: 'failed'; readonly reason: string; readonly failures: number };

export interface SourcePollerDeps {
  readonly store: SourcePort;
  readonly sink: ArticleSink;
  readonly fetcher: PoliteFetcher;
  readonly clock: SourceClock;
  readonly policy?: Partial<PollPolicy>;
  readonly notify?: (notice: SourceNotice) => Promise<void>;
}

/**
 * Polls feeds and article URLs that are due. Each URL is fetched once however many scopes use it; URLs on
 * different hosts are fetched side by side (the fetcher keeps each host polite), so a failing or slow source
 * delays only its own host. A failure is recorded with its reason and retried with growing backoff.
 */
export class SourcePoller {
  readonly #deps: SourcePollerDeps;
  readonly #policy: PollPolicy;
  /** URLs being polled now: one that outlives its claim's lease is claimed again (renewing it), not polled twice. */
  readonly #running = new Set<string>();

  constructor(deps: SourcePollerDeps) {
    this.#deps = deps;
    this.#policy = { ...defaultPollPolicy, ...deps.policy };
  }

  /**
   * Starts every due URL that is not still being polled, and returns their polls without waiting for them:
   * a source that is slow (or has many teasers queued behind its host's gap) is skipped by the next pass, not
   * waited for, so it never holds back a source on another host.
   */
  async startDue(): Promise<Promise<PollReport>[]> {
    // The claim's limit is the pass's: a URL claimed but not polled now would sit out its lease.
    const due = await this.#deps.store.claimDueFetches(this.#deps.clock.now(), this.#policy.maxPerPass, this.#policy.claimLeaseMs);
    return due
      .filter((state) => !this.#running.has(state.location))
      .map((state) => {
        this.#running.add(state.location);
        return this.#poll(state).finally(() => this.#running.delete(state.location));
      });
  }

  /** One pass over every due URL, waiting for all of them (`wirebrief source poll`). */
  async pollDue(): Promise<PollReport[]> {
    return Promise.all(await this.startDue());
  }

  /** Fetches one URL now and records the outcome; never throws for the source's own failures. */
  async #poll(state: FetchState): Promise<PollReport> {
    const fetched = await this.#deps.fetcher.fetch(state.location, state.validators);
    let report: PollReport;
    try {
      report = await this.#read(state, fetched);
    } catch (error) {
      // The store failing is not the source's fault, but it must not stop the pass for the other sources either.
      report = { location: state.location, outcome: 'failed', reason: `could not store: ${error instanceof Error ? error.message : String(error)}`, failures: state.failures + 1 };
    }
    await this.#record(state, fetched, report);
    return report;
  }

  async #read(state: FetchState, fetched: FetchOutcome): Promise<PollReport> {
    const location = state.location;
    if (fetched.kind === 'failed') return { location, outcome: 'failed', reason: fetched.reason, failures: state.failures + 1 };
    if (fetched.kind === 'not-modified') return { location, outcome: 'not-modified' };
    const now = this.#deps.clock.now();
    let items: readonly FeedItem[];
    let makeArticle: (item: FeedItem) => Promise<ItemArticle>;
    if (state.kind === 'feed') {
      const feed = parseFeedText(fetched.text, fetched.url);
      if (!feed.ok) return { location, outcome: 'failed', reason: `${location}: ${feed.reason}`, failures: state.failures + 1 };
      items = feed.feed.items;
      makeArticle = (item) => itemArticle(item, feed.feed.title, (url) => this.#deps.fetcher.fetch(url));
    } else {
      const page = await pageArticle(fetched.url, async () => fetched);
      if (!page.ok) return { location, outcome: 'failed', reason: page.reason, failures: state.failures + 1 };
      const { title, titleIsOwn, body, meta } = page.article;
      items = [{ link: canonicalLink(location) ?? location, ...(meta.published ? { published: meta.published } : {}) }];
      makeArticle = async () => ({ ok: true, input: { title, titleIsOwn, body, meta } });
    }
    const seen = await this.#deps.store.seenItems(location, items.flatMap(keysOf));
    // A page is its own single item: when it changes, the store makes the edit a new version of that article.
    const fresh = state.kind === 'page' ? items : items.filter((item) => !keysOf(item).some((key) => seen.has(key)));
    const result = await collectItems(fresh, {
      makeArticle,
      sink: this.#deps.sink,
      originPrefix: state.kind === 'feed' ? `feed:${location}#` : '',
      storedAt: (item) => storedAtFor(this.#policy, !state.primed, item.published, now),
    });
    await this.#deps.store.rememberItems(location, result.remember, now);
    const created = result.stored.filter((r) => r.status === 'created').length;
    return { location, outcome: 'fetched', created, unchanged: result.stored.length - created, skipped: result.skipped };
  }

  async #record(state: FetchState, fetched: FetchOutcome, report: PollReport): Promise<void> {
    const now = this.#deps.clock.now();
    const interval = state.kind === 'feed' ? this.#policy.feedIntervalMs : this.#policy.pageIntervalMs;
    const scopes = async () => [...new Set((await this.#deps.store.listSources({ location: state.location })).map((s) => s.scope))];
    if (report.outcome === 'failed') {
      const tell = report.failures >= this.#policy.noticeAfterFailures && state.noticeSentAt === undefined;
      await this.#deps.store.saveFetchState({
        ...state,
        lastFetchedAt: now.toISOString(),
        nextFetchAt: new Date(now.getTime() + backoffMs(this.#policy, interval, report.failures)).toISOString(),
        failures: report.failures,
        lastError: report.reason,
        ...(tell ? { noticeSentAt: now.toISOString() } : {}),
      });
      if (tell) await this.#deps.notify?.({ kind: 'failing', location: state.location, scopes: await scopes(), failures: report.failures, reason: report.reason });
      return;
    }
    const { lastError: _lastError, noticeSentAt, ...rest } = state;
    await this.#deps.store.saveFetchState({
      ...rest,
      validators: fetched.kind === 'fetched' ? fetched.validators : state.validators,
      primed: true,
      failures: 0,
      lastFetchedAt: now.toISOString(),
      lastSuccessAt: now.toISOString(),
      nextFetchAt: new Date(now.getTime() + interval).toISOString(),
    });
    if (noticeSentAt !== undefined) await this.#deps.notify?.({ kind: 'recovered', location: state.location, scopes: await scopes() });
  }
}
