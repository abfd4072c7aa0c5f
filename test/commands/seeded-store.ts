import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleId, StoryId } from '../../src/core/article.js';
import { StoryClusterer } from '../../src/core/stories/index.js';
import { ingestPaths } from '../../src/sources/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

export const seedsDir = join(import.meta.dirname, '..', '..', 'seeds');

/** An article whose text tries to ping everyone and to inject markup: it must reach Slack escaped. Its URL is the one to link back to. */
export const pingingArticle = [
  '---',
  'title: Harbour council meets',
  'source: Pingtown Gazette',
  'url: https://pingtown.example/news/harbour-council?ref=rss&page=1',
  'published: 2025-12-20',
  '---',
  'PINGTOWN: <!channel> the harbour council met on Tuesday and <!here> voted on the quay budget, <@U999> & *friends* said.',
  '',
  'The quay wall needs repair before the winter storms arrive in the bay, the harbour master told the council.',
].join('\n');

/** Long enough for several /article pages. */
export const longArticle = [
  '---',
  'title: The long report on river dredging',
  'source: Valley Times',
  'published: 2025-12-21',
  '---',
  ...Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}: the river dredging programme moved another stretch of silt downstream this week, engineers said.\n`),
].join('\n');

export interface SeededStore {
  readonly store: Store;
  readonly dir: string;
  /** The two seed reports, one story. */
  readonly seedIds: readonly ArticleId[];
  readonly seedStory: StoryId;
  readonly pingId: ArticleId;
  readonly longId: ArticleId;
  close(): Promise<void>;
}

/** A real SQLite store in a temp dir with the seeds and two test articles ingested and clustered into stories. */
export async function seededStore(): Promise<SeededStore> {
  const dir = mkdtempSync(join(tmpdir(), 'wirebrief-commands-'));
  const extra = join(dir, 'articles');
  mkdirSync(extra);
  writeFileSync(join(extra, 'pingtown.md'), pingingArticle);
  writeFileSync(join(extra, 'river.md'), longArticle);
  const store = openSqliteStore(join(dir, 'wirebrief.db'));
  const summary = await ingestPaths([seedsDir, extra], store);
  if (summary.skipped > 0 || summary.created !== 4) throw new Error(`seeded store: expected 4 new articles, got ${JSON.stringify(summary)}`);
  const articles = await store.articlesSince('1970-01-01T00:00:00Z');
  const clusterer = new StoryClusterer();
  const pairs = articles.map((a) => ({ articleId: a.id, storyId: clusterer.add({ id: a.id, text: `${a.title}\n${a.body}`, ...(a.meta.published ? { published: a.meta.published } : {}) }) }));
  await store.setStories(pairs);
  const idOf = (pred: (title: string, body: string) => boolean) => articles.find((a) => pred(a.title, a.body))!.id;
  const pingId = idOf((_, body) => body.includes('<!channel>'));
  const longId = idOf((title) => title.includes('river dredging'));
  const seedIds = articles.map((a) => a.id).filter((id) => id !== pingId && id !== longId);
  const seedStory = pairs.find((p) => p.articleId === seedIds[0])!.storyId;
  return {
    store,
    dir,
    seedIds,
    seedStory,
    pingId,
    longId,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
