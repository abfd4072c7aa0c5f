import { splitSentences } from '../../src/core/sentences.js';
import { SeededRandom } from './seeded-random.js';

/** One generated article and the event it really reports (its ground-truth story). */
export interface CorpusDoc {
  readonly id: string;
  readonly text: string;
  readonly published: string;
  readonly truth: string;
}

export interface CorpusOptions {
  readonly size: number;
  readonly seed: number;
  /** Reports per event, inclusive range. */
  readonly reports: readonly [number, number];
}

const dayMs = 86_400_000;
const start = Date.parse('2025-01-01T00:00:00Z');
// Every article falls in one 60-day span, so dates narrow candidates without making the task trivial.
const spanDays = 60;

/** "Paraphrase-ish": drop some lower-case words, so that two reports share few exact word runs. */
function roughen(sentence: string, rng: SeededRandom): string {
  return sentence
    .split(' ')
    .filter((word) => /^\p{Lu}/u.test(word) || rng.next() > 0.15)
    .join(' ');
}

/**
 * One report of an event: a random 40–70 % of the source's sentences (at least three), sometimes led by a
 * later sentence, with neighbouring sentences swapped now and then and words dropped.
 */
function report(sentences: readonly string[], rng: SeededRandom): string {
  const keep = 0.4 + rng.next() * 0.3;
  let chosen = sentences.filter(() => rng.next() < keep);
  if (chosen.length < 3) chosen = sentences.slice(0, 3);
  if (rng.next() < 0.5 && chosen.length > 3) {
    const lead = rng.int(1, Math.min(4, chosen.length - 1));
    chosen = [chosen[lead]!, ...chosen.slice(0, lead), ...chosen.slice(lead + 1)];
  }
  for (let i = 1; i + 1 < chosen.length; i++) if (rng.next() < 0.2) [chosen[i], chosen[i + 1]] = [chosen[i + 1]!, chosen[i]!];
  return chosen.map((s) => roughen(s, rng)).join(' ');
}

/**
 * An unrelated article: one roughened sentence from each of 6–8 different random sources. Sources have
 * only ~15,000 sentences between them, so pastiches reuse sentences; one sentence each keeps any two of
 * them from sharing more than a sentence or so, which no reader would call the same story.
 */
function pastiche(sources: ReadonlyArray<readonly string[]>, rng: SeededRandom): string {
  const parts: string[] = [];
  const count = rng.int(6, 8);
  while (parts.length < count) parts.push(roughen(rng.pick(rng.pick(sources)), rng));
  return parts.join(' ');
}

function dateAt(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The clustering corpus: every development article becomes an event reported 2–5 times (see `report`), and
 * the rest of `size` are pastiches that belong to no event. Articles are shuffled into one stream.
 */
export function buildCorpus(articles: readonly string[], options: CorpusOptions): CorpusDoc[] {
  const rng = new SeededRandom(options.seed);
  const sources = articles.map((a) => splitSentences(a).map((s) => s.text));
  const docs: CorpusDoc[] = [];
  sources.forEach((sentences, event) => {
    const day = start + rng.int(0, spanDays) * dayMs;
    const count = rng.int(options.reports[0], options.reports[1]);
    for (let r = 0; r < count; r++) {
      docs.push({ id: `e${event}-r${r}`, text: report(sentences, rng), published: dateAt(day + rng.int(0, 36) * 3_600_000), truth: `e${event}` });
    }
  });
  for (let n = 0; docs.length < options.size; n++) {
    docs.push({ id: `x${n}`, text: pastiche(sources, rng), published: dateAt(start + rng.int(0, spanDays * 24) * 3_600_000), truth: `x${n}` });
  }
  return rng.shuffle(docs);
}
