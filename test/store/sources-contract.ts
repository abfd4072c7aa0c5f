import { describe, expect, it } from 'vitest';
import type { FetchState, SourceStore } from '../../src/store/sources.js';

let counter = 0;
/** A location no other test uses, so backends that share one database between tests stay independent. */
const unique = (name: string) => `http://127.0.0.1:9/${Date.now().toString(36)}-${++counter}/${name}`;
const at = new Date('2025-12-26T08:00:00Z');
const lease = 10 * 60_000;

/** The SourceStore contract: every backend runs these unchanged. */
export function describeSourceStoreContract(name: string, open: () => Promise<SourceStore & { close(): Promise<void> }>): void {
  describe(`${name}: source store contract`, () => {
    const withStore = (work: (store: SourceStore) => Promise<void>) => async () => {
      const store = await open();
      try {
        await work(store);
      } finally {
        await store.close();
      }
    };

    it('adds a feed once per scope, with one fetch state per URL, due at once', withStore(async (store) => {
      const location = unique('feed.xml');
      const first = await store.addSource({ kind: 'feed', location, scope: 'slack:T1', title: 'Feed' }, at);
      const again = await store.addSource({ kind: 'feed', location, scope: 'slack:T1' }, at);
      const other = await store.addSource({ kind: 'feed', location, scope: 'discord:42' }, new Date(at.getTime() + 1_000));
      expect(first).toMatchObject({ added: true, source: { kind: 'feed', location, scope: 'slack:T1', title: 'Feed', addedAt: at.toISOString() } });
      expect(first.source.id).toMatch(/^s[0-9a-z]{6}$/);
      expect(again).toEqual({ added: false, source: first.source });
      expect(other.added).toBe(true);
      expect((await store.listSources({ location })).map((s) => s.scope)).toEqual(['slack:T1', 'discord:42']);
      expect(await store.getFetchState(location)).toEqual({ location, kind: 'feed', validators: {}, nextFetchAt: at.toISOString(), primed: false, failures: 0 });
      const claimed = (await store.claimDueFetches(at, 10_000, lease)).filter((s) => s.location === location);
      expect(claimed).toEqual([{ location, kind: 'feed', validators: {}, nextFetchAt: new Date(at.getTime() + lease).toISOString(), primed: false, failures: 0 }]);
    }));

    it('round-trips fetch state and keeps a URL due only when its time has come', withStore(async (store) => {
      const location = unique('state.xml');
      await store.addSource({ kind: 'feed', location, scope: 'global' }, at);
      const state = {
        location,
        kind: 'feed' as const,
        validators: { etag: '"abc"', lastModified: 'Fri, 26 Dec 2025 06:00:00 GMT' },
        nextFetchAt: '2025-12-26T08:15:00.000Z',
        lastFetchedAt: '2025-12-26T08:00:00.000Z',
        primed: true,
        failures: 2,
        lastError: `${location}: HTTP 500`,
        noticeSentAt: '2025-12-26T08:00:00.000Z',
      };
      await store.saveFetchState(state);
      expect(await store.getFetchState(location)).toEqual(state);
      expect((await store.claimDueFetches(new Date('2025-12-26T08:14:59Z'), 10_000, lease)).some((s) => s.location === location)).toBe(false);
      expect((await store.claimDueFetches(new Date('2025-12-26T08:15:00Z'), 10_000, lease)).some((s) => s.location === location)).toBe(true);
    }));

    it('hands each due URL to exactly one of several concurrent claimers, and to none again until the lease ends', withStore(async (store) => {
      const locations = Array.from({ length: 20 }, (_, i) => unique(`shared-${i}.xml`));
      for (const location of locations) await store.addSource({ kind: 'feed', location, scope: 'global' }, at);
      const mine = (states: readonly FetchState[]) => states.map((s) => s.location).filter((l) => locations.includes(l));
      // Small limits, so that the claimers contend for the same rows instead of the first taking everything.
      const claims = await Promise.all(Array.from({ length: 6 }, () => store.claimDueFetches(at, 5, lease)));
      const more = await Promise.all(Array.from({ length: 6 }, () => store.claimDueFetches(at, 5, lease)));
      const claimed = [...claims, ...more].flatMap(mine);
      expect(claimed.sort()).toEqual([...locations].sort());
      const stillLeased = new Date(at.getTime() + lease - 1);
      expect(mine(await store.claimDueFetches(stillLeased, 10_000, lease))).toEqual([]);
    }));

    it('lets another claimer take over a URL whose claim lapsed (its claimer died); a saved state ends the claim', withStore(async (store) => {
      const [dead, saved] = [unique('dead.xml'), unique('saved.xml')];
      await store.addSource({ kind: 'feed', location: dead, scope: 'global' }, at);
      await store.addSource({ kind: 'feed', location: saved, scope: 'global' }, at);
      const first = (await store.claimDueFetches(at, 10_000, lease)).filter((s) => s.location === saved);
      await store.saveFetchState({ ...first[0]!, primed: true, nextFetchAt: new Date(at.getTime() + 2 * lease).toISOString() });
      const lapsed = new Date(at.getTime() + lease);
      const takeover = await store.claimDueFetches(lapsed, 10_000, lease);
      expect(takeover.filter((s) => [dead, saved].includes(s.location))).toEqual([
        { location: dead, kind: 'feed', validators: {}, nextFetchAt: new Date(lapsed.getTime() + lease).toISOString(), primed: false, failures: 0 },
      ]);
    }));

    it('claims the most overdue URLs first, at most the limit', withStore(async (store) => {
      // Due long before every other test's URLs, which may share this database.
      const early = new Date('2000-01-01T00:00:00Z');
      const [older, newer, newest] = [unique('older.xml'), unique('newer.xml'), unique('newest.xml')];
      await store.addSource({ kind: 'feed', location: newest, scope: 'global' }, new Date(early.getTime() + 2_000));
      await store.addSource({ kind: 'feed', location: older, scope: 'global' }, early);
      await store.addSource({ kind: 'feed', location: newer, scope: 'global' }, new Date(early.getTime() + 1_000));
      const now = new Date(early.getTime() + 60_000);
      expect((await store.claimDueFetches(now, 2, lease)).map((s) => s.location)).toEqual([older, newer]);
      expect((await store.claimDueFetches(now, 2, lease)).map((s) => s.location)).toEqual([newest]);
    }));

    it('removes by id or location within the scope; the fetch state goes with the last scope', withStore(async (store) => {
      const location = unique('gone.xml');
      const { source } = await store.addSource({ kind: 'feed', location, scope: 'slack:T1' }, at);
      await store.addSource({ kind: 'feed', location, scope: 'global' }, at);
      expect(await store.removeSource('discord:1', source.id)).toBe(false);
      expect(await store.removeSource('slack:T1', source.id.toUpperCase())).toBe(true);
      expect(await store.getFetchState(location)).toBeDefined();
      expect(await store.removeSource('global', location)).toBe(true);
      expect(await store.getFetchState(location)).toBeUndefined();
      expect(await store.listSources({ location })).toEqual([]);
    }));

    it('remembers seen item keys per feed', withStore(async (store) => {
      const a = unique('a.xml');
      const b = unique('b.xml');
      await store.rememberItems(a, [{ key: 'guid:1', articleId: 'abc1234' }, { key: 'link:http://x/1', articleId: 'abc1234' }, { key: 'guid:2', note: 'page has no article' }], at);
      await store.rememberItems(a, [{ key: 'guid:1', articleId: 'zzz' }], at);
      expect(await store.seenItems(a, ['guid:1', 'guid:2', 'guid:3', 'link:http://x/1'])).toEqual(new Set(['guid:1', 'guid:2', 'link:http://x/1']));
      expect(await store.seenItems(b, ['guid:1'])).toEqual(new Set());
    }));

    it('keeps folders without fetch state', withStore(async (store) => {
      const location = `/tmp/${unique('folder').replace(/\W/g, '')}`;
      await store.addSource({ kind: 'folder', location, scope: 'global' }, at);
      expect(await store.getFetchState(location)).toBeUndefined();
      expect((await store.listSources({ kind: 'folder' })).some((s) => s.location === location)).toBe(true);
    }));
  });
}
