import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ArticleId } from '../../src/core/article.js';
import { parseArticleText } from '../../src/core/parse/parse-text.js';
import { clusterDoc } from '../../src/sources/assign-stories.js';

/** One report with the event it covers (its ground-truth story). */
export interface WireDoc {
  readonly id: string;
  readonly text: string;
  readonly published: string;
  readonly truth: string;
}

interface ManifestEntry {
  /** The report, relative to the set's folder (a set may use reports kept elsewhere, e.g. a test's fixtures). */
  readonly file: string;
  /** The event the report covers, or null for a look-alike that is its own story. */
  readonly event: string | null;
  readonly published: string;
}

export const wireEventsDir = join(import.meta.dirname, 'wire-events');

interface WireReport {
  readonly set: string;
  readonly id: string;
  readonly entry: ManifestEntry;
  readonly article: ReturnType<typeof parseArticleText>;
}

/** Every report of every set, parsed as `wirebrief ingest` parses a file, in order of publication. */
function readReports(): { reports: WireReport[]; sets: string[] } {
  const sets = readdirSync(wireEventsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(wireEventsDir, entry.name, 'manifest.json')))
    .map((entry) => entry.name)
    .sort();
  const reports = sets.flatMap((set) => {
    const manifest = JSON.parse(readFileSync(join(wireEventsDir, set, 'manifest.json'), 'utf8')) as ManifestEntry[];
    return manifest.map((entry) => ({ set, id: `${set}/${basename(entry.file)}`, entry, article: parseArticleText(readFileSync(join(wireEventsDir, set, entry.file), 'utf8')) }));
  });
  return { reports: reports.sort((a, b) => a.entry.published.localeCompare(b.entry.published) || a.id.localeCompare(b.id)), sets };
}

/** Every report, read as story assignment reads a stored article, with its ground-truth story. */
export function loadWireEvents(): { docs: WireDoc[]; sets: string[] } {
  const { reports, sets } = readReports();
  const docs = reports.map(({ set, id, entry, article }) => {
    const { text } = clusterDoc({ id: id as ArticleId, title: article.title, body: article.body, meta: article.meta });
    return { id, text, published: entry.published, truth: `${set}/${entry.event ?? id}` };
  });
  return { docs, sets };
}

/** Each event's reports as one story: the stored bodies, oldest first (look-alikes are left out). */
export function wireStories(): { id: string; articles: string[] }[] {
  const stories = new Map<string, string[]>();
  for (const { set, entry, article } of readReports().reports) {
    if (entry.event === null) continue;
    const key = `${set}/${entry.event}`;
    stories.set(key, [...(stories.get(key) ?? []), article.body]);
  }
  return [...stories].map(([id, articles]) => ({ id, articles }));
}
