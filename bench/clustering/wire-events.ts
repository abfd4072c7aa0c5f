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

/**
 * Every set under bench/clustering/wire-events (see its README), parsed as `wirebrief ingest` parses a file
 * and read as story assignment reads a stored article, in order of publication.
 */
export function loadWireEvents(): { docs: WireDoc[]; sets: string[] } {
  const sets = readdirSync(wireEventsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(wireEventsDir, entry.name, 'manifest.json')))
    .map((entry) => entry.name)
    .sort();
  const docs = sets.flatMap((set) => {
    const manifest = JSON.parse(readFileSync(join(wireEventsDir, set, 'manifest.json'), 'utf8')) as ManifestEntry[];
    return manifest.map((entry) => {
      const parsed = parseArticleText(readFileSync(join(wireEventsDir, set, entry.file), 'utf8'));
      const id = `${set}/${basename(entry.file)}`;
      const { text } = clusterDoc({ id: id as ArticleId, title: parsed.title, body: parsed.body, meta: parsed.meta });
      return { id, text, published: entry.published, truth: `${set}/${entry.event ?? id}` };
    });
  });
  return { docs: docs.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id)), sets };
}
