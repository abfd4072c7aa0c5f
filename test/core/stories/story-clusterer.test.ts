import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairMetrics } from '../../../bench/clustering/pair-metrics.js';
import { parseArticleText } from '../../../src/core/parse/parse-text.js';
import { InvalidDateError, StoryClusterer } from '../../../src/core/stories/index.js';
import { seedTexts } from '../quotes/seed-articles.js';
import { generateArticles } from './generated-articles.js';

const unrelated = [
  'The city council of Lyon approved a new tram line on Tuesday after a long debate about costs and the route through the old town. Mayor Claire Dubois said construction would start in spring and the line would open in 2028.',
  'Heavy rain flooded parts of Jakarta, forcing thousands of residents from their homes. The Indonesian disaster agency said rivers burst their banks overnight and schools were closed across the capital.',
  'Manchester United beat Arsenal two goals to one at Old Trafford, with a late header deciding a tense match. The manager praised the defence and said the squad was finally finding its rhythm.',
];

/** A report from test/fixtures/wire-reports as the store hands it to clustering: title, then text. */
function wireReport(agency: string): string {
  const parsed = parseArticleText(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'wire-reports', `${agency}.txt`), 'utf8'));
  return `${parsed.title}\n${parsed.body}`;
}

describe('StoryClusterer', () => {
  it('puts the two seed reports (one a paraphrase) in one story, and unrelated articles apart', () => {
    const clusterer = new StoryClusterer();
    const first = clusterer.add({ id: 'u2m53tq', text: seedTexts[1]! });
    unrelated.forEach((text, i) => expect(clusterer.add({ id: `other${i}`, text })).toBe(`s-other${i}`));
    expect(clusterer.add({ id: 'k7f3a9b', text: seedTexts[0]! })).toBe(first);
    expect(first).toBe('s-u2m53tq');
    expect(clusterer.storyOf('k7f3a9b')).toBe('s-u2m53tq');
    expect(clusterer.storyOf('unknown')).toBeUndefined();
  });

  it('needs more than shared text: the seeds share few word runs', () => {
    const shingles = (t: string): Set<string> => {
      const w = t.toLowerCase().match(/[a-z]+/g) ?? [];
      return new Set(w.slice(0, -3).map((_, i) => w.slice(i, i + 4).join(' ')));
    };
    const [a, b] = seedTexts.map(shingles) as [Set<string>, Set<string>];
    const jaccard = [...a].filter((s) => b.has(s)).length / new Set([...a, ...b]).size;
    expect(jaccard).toBeLessThan(0.05);
  });

  it('joins reports of one event that share their lead and little else (each agency goes on to its own nationals)', () => {
    const clusterer = new StoryClusterer();
    unrelated.forEach((text, i) => clusterer.add({ id: `other${i}`, text }));
    const efe = clusterer.add({ id: 'efe', text: wireReport('efe') });
    expect(clusterer.add({ id: 'kyodo', text: wireReport('kyodo') })).toBe(efe);
    expect(clusterer.add({ id: 'pti', text: wireReport('pti') })).toBe(efe);
  });

  it('keeps apart an article that only opens with a story\'s lead and goes on about other things', () => {
    const clusterer = new StoryClusterer();
    const efe = clusterer.add({ id: 'efe', text: wireReport('efe') });
    const lead = wireReport('efe').split('\n')[1]!;
    // A round-up whose first item is the quake: its lead matches the story's closely, the rest does not.
    const roundUp = [lead, ...unrelated].join('\n\n');
    expect(clusterer.add({ id: 'round-up', text: roundUp })).not.toBe(efe);
  });

  it('keeps stories apart when their dates are far apart', () => {
    const clusterer = new StoryClusterer({ windowDays: 3 });
    const first = clusterer.add({ id: 'a', text: seedTexts[0]!, published: '2025-12-25' });
    expect(clusterer.add({ id: 'b', text: seedTexts[1]!, published: '2026-03-01T08:00:00Z' })).not.toBe(first);
    expect(clusterer.add({ id: 'c', text: seedTexts[1]!, published: '2025-12-26' })).toBe(first);
  });

  it('returns the same story for an id added twice and rejects a bad date by name', () => {
    const clusterer = new StoryClusterer();
    const story = clusterer.add({ id: 'a', text: seedTexts[0]! });
    expect(clusterer.add({ id: 'a', text: unrelated[0]! })).toBe(story);
    expect(() => clusterer.add({ id: 'z', text: 'x', published: 'yesterday' })).toThrow(InvalidDateError);
    expect(() => clusterer.add({ id: 'z', text: 'x', published: 'yesterday' })).toThrow(/article z: published "yesterday"/);
  });

  it('continues stories after restore(), as the store rebuilds them on each run', () => {
    const restored = new StoryClusterer();
    restored.restore([
      { id: 'old', text: seedTexts[0]!, story: 's-kept' },
      { id: 'lyon-old', text: unrelated[0]!, story: 's-lyon-old' },
    ]);
    expect(restored.storyOf('old')).toBe('s-kept');
    expect(restored.size).toBe(2);
    expect(restored.add({ id: 'new', text: seedTexts[1]! })).toBe('s-kept');
    expect(restored.add({ id: 'rain', text: unrelated[1]! })).toBe('s-rain');
    restored.restore([{ id: 'old', text: unrelated[2]!, story: 's-elsewhere' }]);
    expect(restored.storyOf('old')).toBe('s-kept');
  });

  it('holds at most maxStories stories, forgetting the one updated longest ago', () => {
    const docs = generateArticles(3, 3, 11);
    const [a, b, c] = ['e0', 'e1', 'e2'].map((truth) => docs.filter((d) => d.truth === truth));
    const clusterer = new StoryClusterer({ maxStories: 2 });
    const storyA = clusterer.add(a![0]!);
    const storyB = clusterer.add(b![0]!);
    // A gains a report, so B is now the story updated longest ago, and C's arrival pushes B out, not A.
    expect(clusterer.add(a![1]!)).toBe(storyA);
    const storyC = clusterer.add(c![0]!);
    expect(clusterer.add(a![2]!)).toBe(storyA);
    // B's next report starts a story of its own, which its last report joins; that pushed C out.
    expect(clusterer.add(b![1]!)).toBe(`s-${b![1]!.id}`);
    expect(storyB).not.toBe(`s-${b![1]!.id}`);
    expect(clusterer.add(b![2]!)).toBe(`s-${b![1]!.id}`);
    expect(clusterer.add(c![1]!)).not.toBe(storyC);
  });

  it('with a small limit, still finds every story whose reports arrive together, past many sweeps', () => {
    const docs = generateArticles(300, 3, 5);
    const unlimited = new StoryClusterer();
    const limited = new StoryClusterer({ maxStories: 40 });
    // Reports of one event arrive together, so a small limit only forgets finished events.
    const ordered = [...docs].sort((x, y) => x.truth.localeCompare(y.truth, 'en', { numeric: true }));
    const byUnlimited = ordered.map((d) => unlimited.add(d));
    expect(ordered.map((d) => limited.add(d))).toEqual(byUnlimited);
    expect(new Set(byUnlimited).size).toBe(300);
  });

  it('groups 2,000 generated articles (400 events x 5 reports) correctly', () => {
    const docs = generateArticles(400, 5, 7);
    const clusterer = new StoryClusterer();
    const predicted = docs.map((d) => clusterer.add(d));
    const m = pairMetrics(docs.map((d, i) => ({ truth: d.truth, predicted: predicted[i]! })));
    expect(m.precision).toBeGreaterThan(0.98);
    expect(m.recall).toBeGreaterThan(0.98);
  });
});
