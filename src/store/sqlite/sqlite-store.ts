import type { Store } from '../store.js';
import { createArticleReader } from './article-reader.js';
import { createArticleSearch, type SearchTuning } from './article-search.js';
import { createArticleWriter } from './article-writer.js';
import { createDeliveryStore } from './deliveries-store.js';
import { openDatabase } from './open-database.js';
import { createSourceStore } from './sources-store.js';
import { createStoryStore } from './story-store.js';
import { createSubscriptionStore } from './subscriptions-store.js';
import { createTitleCompletions } from './title-completions.js';

export interface SqliteStoreOptions {
  /** The clock stamping ingestedAt/updatedAt; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Search's cost guards (see article-search.ts); tests shrink them to exercise them on a few articles. */
  readonly search?: SearchTuning;
}

/** The embedded store: one SQLite file (or ':memory:'), created with its schema on first use. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const db = openDatabase(path);
  const write = createArticleWriter(db, options.now ?? (() => new Date()));
  return {
    writeArticles: async (batch) => write(batch),
    ...createArticleReader(db),
    ...createArticleSearch(db, options.search),
    ...createTitleCompletions(db),
    ...createStoryStore(db),
    ...createSubscriptionStore(db),
    ...createDeliveryStore(db),
    ...createSourceStore(db),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
