import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId, StoryId } from '../../src/core/article.js';
import { StoreError } from '../../src/store/errors.js';
import type { Store } from '../../src/store/store.js';
import type { ArticleInput } from '../../src/store/types.js';

/** Builds a fresh, empty store whose timestamps come from `now`. */
export type MakeStore = (now: () => Date) => Promise<Store>;

export function article(originKey: string, body: string, extra: Partial<ArticleInput> = {}): ArticleInput {
  return { originKey, title: body.split('.')[0] ?? body, titleIsOwn: false, body, meta: {}, ...extra };
}

const missile = article('seeds/a.txt', 'Kim Jong Un ordered more missile factories. Analysts say exports to Russia will grow.', {
  title: 'Kim orders missile factories',
  titleIsOwn: true,
  meta: { dateline: 'SEOUL', published: '2025-12-26', credit: 'AFP' },
});
const weather = article('seeds/b.txt', 'Heavy rain fell on Seoul. The weather service warned of floods near the river.');
const story = (s: string) => s as StoryId;

/** The behaviour every Store backend must have; run by each backend's test file. */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let clock = new Date('2026-01-01T08:00:00.000Z');
    beforeEach(async () => {
      clock = new Date('2026-01-01T08:00:00.000Z');
      store = await makeStore(() => clock);
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty', async () => {
      expect(await store.countArticles()).toBe(0);
      expect(await store.getArticle('abcdefg')).toBeUndefined();
      expect(await store.search('missile')).toEqual([]);
      expect(await store.listStories()).toEqual([]);
    });

    it('stores an article with all its fields and reads it back by id in any case', async () => {
      const [result] = await store.writeArticles([missile]);
      expect(result).toMatchObject({ version: 1, status: 'created' });
      expect(result!.id).toMatch(/^[a-z0-9]{6,8}$/);
      const stored = await store.getArticle(` ${result!.id.toUpperCase()} `);
      expect(stored).toEqual({
        id: result!.id,
        version: 1,
        originKey: 'seeds/a.txt',
        contentHash: expect.any(String),
        title: 'Kim orders missile factories',
        titleIsOwn: true,
        body: missile.body,
        meta: { dateline: 'SEOUL', published: '2025-12-26', credit: 'AFP' },
        storyId: null,
        ingestedAt: '2026-01-01T08:00:00.000Z',
        updatedAt: '2026-01-01T08:00:00.000Z',
      });
    });

    it('reports re-ingesting the same file as unchanged and changes nothing', async () => {
      const [first] = await store.writeArticles([missile]);
      clock = new Date('2026-01-02T08:00:00.000Z');
      const [again] = await store.writeArticles([missile]);
      expect(again).toEqual({ id: first!.id, version: 1, status: 'unchanged' });
      expect(await store.countArticles()).toBe(1);
      expect((await store.getArticle(first!.id))!.updatedAt).toBe('2026-01-01T08:00:00.000Z');
    });

    it('keeps the id and adds a version when the same origin brings edited content', async () => {
      const [first] = await store.writeArticles([missile]);
      clock = new Date('2026-01-02T08:00:00.000Z');
      const edited = { ...missile, body: `${missile.body} Officials denied the plans on Friday.` };
      const [second] = await store.writeArticles([edited]);
      expect(second).toEqual({ id: first!.id, version: 2, status: 'updated' });
      const stored = await store.getArticle(first!.id);
      expect(stored).toMatchObject({ version: 2, body: edited.body, ingestedAt: '2026-01-01T08:00:00.000Z', updatedAt: '2026-01-02T08:00:00.000Z' });
      expect(await store.countArticles()).toBe(1);
      // The index follows the edit.
      expect((await store.search('denied')).map((h) => h.id)).toEqual([first!.id]);
    });

    it('treats a changed title or meta from the same origin as a new version too', async () => {
      const [first] = await store.writeArticles([missile]);
      const [second] = await store.writeArticles([{ ...missile, meta: { ...missile.meta, source: 'AFP' } }]);
      expect(second).toEqual({ id: first!.id, version: 2, status: 'updated' });
      expect((await store.getArticle(first!.id))!.meta.source).toBe('AFP');
    });

    it('dates a new article to storedAt when given (a feed backlog), and later versions to the write time', async () => {
      const [first] = await store.writeArticles([{ ...missile, storedAt: '2025-12-26T06:00:00.000Z' }]);
      expect(await store.getArticle(first!.id)).toMatchObject({ ingestedAt: '2025-12-26T06:00:00.000Z', updatedAt: '2025-12-26T06:00:00.000Z' });
      expect(await store.articlesSince('2025-12-31T00:00:00.000Z')).toEqual([]);
      await store.writeArticles([{ ...missile, body: `${missile.body} Edited.`, storedAt: '2025-12-27T06:00:00.000Z' }]);
      expect(await store.getArticle(first!.id)).toMatchObject({ ingestedAt: '2025-12-26T06:00:00.000Z', updatedAt: '2026-01-01T08:00:00.000Z' });
    });

    it('deduplicates the same content from another origin into the same article', async () => {
      const [first] = await store.writeArticles([missile]);
      const [copy] = await store.writeArticles([{ ...missile, originKey: 'feeds/other.xml#42', title: 'Another headline' }]);
      expect(copy).toEqual({ id: first!.id, version: 1, status: 'unchanged' });
      expect(await store.countArticles()).toBe(1);
      expect((await store.getArticle(first!.id))!.title).toBe('Kim orders missile factories');
    });

    it('makes a copy that later diverges an article of its own, leaving the original alone', async () => {
      const [first] = await store.writeArticles([missile]);
      await store.writeArticles([{ ...missile, originKey: 'mirror/a.txt' }]);
      const [diverged] = await store.writeArticles([{ ...missile, originKey: 'mirror/a.txt', body: `${missile.body} Mirror note.` }]);
      expect(diverged!.status).toBe('created');
      expect(diverged!.id).not.toBe(first!.id);
      expect((await store.getArticle(first!.id))!.body).toBe(missile.body);
    });

    it('writes a batch all or nothing, naming the bad item', async () => {
      await store.writeArticles([missile]);
      const bad = store.writeArticles([weather, article('seeds/empty.txt', '   ')]);
      await expect(bad).rejects.toThrow(StoreError);
      await expect(bad).rejects.toThrow(/seeds\/empty\.txt.*body is empty/);
      // The ingest port's contract: which item was refused, so the caller can skip just that one.
      await expect(bad).rejects.toMatchObject({ rejectedItem: 1 });
      expect(await store.countArticles()).toBe(1);
    });

    it('returns one result per item in order, handling duplicates inside one batch', async () => {
      const results = await store.writeArticles([missile, weather, missile]);
      expect(results.map((r) => r.status)).toEqual(['created', 'created', 'unchanged']);
      expect(results[2]!.id).toBe(results[0]!.id);
      expect(await store.writeArticles([])).toEqual([]);
    });

    it('finds several articles in the order asked, leaving out unknown ids', async () => {
      const [a, b] = await store.writeArticles([missile, weather]);
      const found = await store.findArticles([b!.id, 'zzzzzzz', a!.id]);
      expect(found.map((x) => x.id)).toEqual([b!.id, a!.id]);
    });

    it('ranks search hits, weighting the title, with a snippet marking the words', async () => {
      const inBody = article('c.txt', 'The factories of the north were visited. A missile test was also reported by the agency today.');
      const [a, , c] = await store.writeArticles([missile, weather, inBody]);
      const hits = await store.search('missile');
      expect(hits.map((h) => h.id)).toEqual([a!.id, c!.id]);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      expect(hits[0]!.title).toBe('Kim orders missile factories');
      expect(hits[1]!.snippet).toContain('«missile»');
    });

    it('stems words, requires every word first and falls back to any word', async () => {
      const [a, b] = await store.writeArticles([missile, weather]);
      expect((await store.search('Missiles')).map((h) => h.id)).toEqual([a!.id]);
      expect((await store.search('missile Russia')).map((h) => h.id)).toEqual([a!.id]);
      const either = (await store.search('missile floods')).map((h) => h.id);
      expect(either.sort()).toEqual([a!.id, b!.id].sort());
      expect(await store.search('missile', { limit: 1 })).toHaveLength(1);
    });

    it('never treats search text as query syntax', async () => {
      await store.writeArticles([missile, weather]);
      for (const q of ['"', '"missile', 'missile*', 'NEAR(a b)', 'title:missile', '-rain', 'a AND OR', '^', '(', '', '   ']) {
        await expect(store.search(q)).resolves.toBeInstanceOf(Array);
      }
      await fc.assert(fc.asyncProperty(fc.string(), async (q) => Array.isArray(await store.search(q))), { numRuns: 200 });
    });

    it('completes ids by prefix and titles by words typed so far, at most 25', async () => {
      const [a] = await store.writeArticles([missile, weather]);
      expect(await store.completeIds(a!.id.slice(0, 3), 25)).toContainEqual({ id: a!.id, title: 'Kim orders missile factories' });
      expect((await store.completeIds('kim miss', 25)).map((c) => c.id)).toEqual([a!.id]);
      expect(await store.completeIds('', 25)).toHaveLength(2);
      await store.writeArticles(Array.from({ length: 30 }, (_, i) => article(`n${i}`, `Number ${i} story about rain.`)));
      expect(await store.completeIds('', 100)).toHaveLength(25);
      expect(await store.completeIds('"*(', 25)).toEqual([]);
    });

    it('completes titles whose last word is whole before those it only starts, newest first', async () => {
      const titled = (key: string, title: string) => article(key, `${title}, the wire reported.`, { title, titleIsOwn: true });
      const ids: string[] = [];
      for (const [key, title] of [['s1', 'Storm hits Seoul'], ['s2', 'Stormy week in Seoul'], ['s3', 'Seoul storm clean-up'], ['s4', 'Lima storm warning']]) {
        ids.push((await store.writeArticles([titled(key!, title!)]))[0]!.id);
      }
      const [hits, stormy, cleanUp, lima] = ids;
      expect((await store.completeIds('seoul storm', 25)).map((c) => c.id)).toEqual([cleanUp, hits, stormy]);
      expect((await store.completeIds('storm', 2)).map((c) => c.id)).toEqual([lima, cleanUp]);
      expect((await store.completeIds('sto', 25)).map((c) => c.id)).toEqual([lima, cleanUp, stormy, hits]);
    });

    it('suggests the closest ids for a mistyped one', async () => {
      const [a] = await store.writeArticles([missile, weather]);
      const typo = `${a!.id.slice(0, 2)}${a!.id[3]}${a!.id[2]}${a!.id.slice(4)}`;
      expect((await store.closestIds(typo, 3))[0]).toBe(a!.id);
      expect((await store.closestIds(a!.id.slice(0, 4), 3))).toContain(a!.id);
      expect(await store.closestIds('qqqqqqqqqqqqqqqqqqqq', 3)).toEqual([]);
    });

    it('lists articles stored since a time, oldest first', async () => {
      const [a] = await store.writeArticles([missile]);
      clock = new Date('2026-01-03T08:00:00.000Z');
      const [b] = await store.writeArticles([weather]);
      expect((await store.articlesSince('2026-01-02T00:00:00.000Z')).map((x) => x.id)).toEqual([b!.id]);
      expect((await store.articlesSince('2025-12-31T00:00:00.000Z')).map((x) => x.id)).toEqual([a!.id, b!.id]);
      expect(await store.articlesSince('2025-12-31T00:00:00.000Z', 1)).toHaveLength(1);
    });

    it('pages through articles stored since a time in articlesSince order, by story or not, while they change', async () => {
      await store.writeArticles([article('old.txt', 'An article from before the window.')]);
      clock = new Date('2026-01-02T08:00:00.000Z');
      // One batch shares its millisecond: the cursor must tell its articles apart.
      await store.writeArticles(Array.from({ length: 7 }, (_, i) => article(`batch/${i}.txt`, `Batch article number ${i} about the harbour.`)));
      clock = new Date('2026-01-03T08:00:00.000Z');
      await store.writeArticles([article('late.txt', 'A later article about the harbour.')]);
      const since = '2026-01-02T00:00:00.000Z';
      const all = (await store.articlesSince(since)).map((a) => a.id);
      expect(all).toHaveLength(8);

      const read = async (options: { limit: number; withStory?: boolean }, each?: (ids: string[]) => Promise<void>) => {
        const sizes: number[] = [];
        const ids: string[] = [];
        let after: string | undefined;
        do {
          const page = await store.articlesSincePage(since, { ...options, after });
          sizes.push(page.articles.length);
          ids.push(...page.articles.map((a) => a.id));
          await each?.(page.articles.map((a) => a.id));
          after = page.next;
        } while (after !== undefined);
        return { sizes, ids };
      };
      expect(await read({ limit: 3 })).toEqual({ sizes: [3, 3, 2], ids: all });
      expect(await read({ limit: 4 })).toEqual({ sizes: [4, 4, 0], ids: all });
      expect((await store.articlesSincePage(since, { limit: 100 })).articles.map((a) => a.id)).toEqual(all);

      await store.setStories(all.slice(0, 3).map((articleId) => ({ articleId: articleId as ArticleId, storyId: story('s-harbour') })));
      expect((await read({ limit: 2, withStory: true })).ids).toEqual(all.slice(0, 3));
      // Assigning each page as it is read, as story assignment does, neither skips an article nor repeats one.
      let added = false;
      const storyless = await read({ limit: 2, withStory: false }, async (ids) => {
        await store.setStories(ids.map((articleId) => ({ articleId: articleId as ArticleId, storyId: story('s-later') })));
        if (added) return;
        added = true;
        clock = new Date('2026-01-04T08:00:00.000Z');
        await store.writeArticles([article('meanwhile.txt', 'Stored while the pages were read.')]);
      });
      const meanwhile = (await store.articlesSince('2026-01-04T00:00:00.000Z')).map((a) => a.id);
      expect(storyless.ids).toEqual([...all.slice(3), ...meanwhile]);
      expect((await store.articlesSincePage(since, { limit: 10, withStory: false })).articles).toEqual([]);
    });

    it('refuses a page limit below 1 and a cursor it did not give', async () => {
      await expect(store.articlesSincePage('2026-01-01T00:00:00.000Z', { limit: 0 })).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.articlesSincePage('2026-01-01T00:00:00.000Z', { limit: 5, after: 'page two' })).rejects.toBeInstanceOf(StoreError);
    });

    it('assigns articles to stories and lists stories, newest first', async () => {
      const [a, b] = await store.writeArticles([missile, weather]);
      clock = new Date('2026-01-05T08:00:00.000Z');
      const [c] = await store.writeArticles([article('c.txt', 'Pyongyang expands missile output, state media said.')]);
      await store.setStories([
        { articleId: a!.id, storyId: story('s-missiles') },
        { articleId: c!.id, storyId: story('s-missiles') },
        { articleId: b!.id, storyId: story('s-weather') },
      ]);
      expect((await store.storyArticles(story('s-missiles'))).map((x) => x.id)).toEqual([a!.id, c!.id]);
      expect((await store.getArticle(b!.id))!.storyId).toBe('s-weather');
      expect(await store.listStories()).toEqual([
        { id: 's-missiles', articleIds: [a!.id, c!.id], updatedAt: '2026-01-05T08:00:00.000Z' },
        { id: 's-weather', articleIds: [b!.id], updatedAt: '2026-01-01T08:00:00.000Z' },
      ]);
      expect((await store.listStories({ since: '2026-01-02T00:00:00.000Z' })).map((s) => s.id)).toEqual(['s-missiles']);
      expect(await store.listStories({ limit: 1 })).toHaveLength(1);
      // Re-assignment moves an article.
      await store.setStories([{ articleId: c!.id, storyId: story('s-weather') }]);
      expect((await store.storyArticles(story('s-missiles'))).map((x) => x.id)).toEqual([a!.id]);
    });

    it('rejects a story assignment naming an unknown article, applying none of it', async () => {
      const [a] = await store.writeArticles([missile]);
      const bad = store.setStories([
        { articleId: a!.id, storyId: story('s1') },
        { articleId: 'nope123' as ArticleId, storyId: story('s1') },
      ]);
      await expect(bad).rejects.toThrow(/nope123/);
      expect((await store.getArticle(a!.id))!.storyId).toBeNull();
    });
  });
}
