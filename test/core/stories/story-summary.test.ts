import { describe, expect, it } from 'vitest';
import type { StoryId } from '../../../src/core/article.js';
import { IdSlots } from '../../../src/core/stories/id-slots.js';
import { StorySummary } from '../../../src/core/stories/story-summary.js';

/** Article n of one story: ten terms (five of them in its lead) and three names every report has, the rest its own. */
function report(n: number) {
  const terms = Int32Array.from({ length: 150 }, (_, i) => (i < 10 ? i : 1000 + n * 150 + i));
  const entities = Int32Array.from({ length: 13 }, (_, i) => (i < 3 ? i : 1000 + n * 13 + i));
  const leadTerms = Int32Array.from([0, 1, 2, 3, 4, ...terms.slice(10, 40)]);
  const lead = { terms: leadTerms, counts: leadTerms.map(() => 1) };
  return { terms, counts: terms.map((t) => (t < 10 ? 3 : 1)), lead, entities, time: n * 1000 };
}

describe('StorySummary', () => {
  it('keeps a one-article story whole, in the order its terms came', () => {
    const summary = new StorySummary('s-one' as StoryId);
    summary.absorb(report(0), new IdSlots());
    expect([...summary.body.terms]).toEqual([...report(0).terms]);
    expect([...summary.body.counts]).toEqual([...report(0).counts]);
    expect([...summary.lead.terms]).toEqual([...report(0).lead.terms]);
    expect([...summary.entities]).toEqual([...report(0).entities]);
  });

  it('stays bounded however many articles join, keeping what its reports share most', () => {
    const summary = new StorySummary('s-big' as StoryId);
    const slots = new IdSlots();
    let posted = 0;
    for (let n = 0; n < 1000; n++) {
      summary.absorb(report(n), slots);
      for (const key of report(n).terms.slice(8, 12)) if (summary.post(key)) posted++;
    }
    expect(summary.size).toBe(1000);
    expect(summary.body.terms.length).toBeLessThanOrEqual(300);
    expect([...summary.body.terms.slice(0, 10)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...summary.body.counts.slice(0, 10)]).toEqual(Array(10).fill(3000));
    expect(summary.lead.terms.length).toBeLessThanOrEqual(96);
    expect([...summary.lead.terms.slice(0, 5)]).toEqual([0, 1, 2, 3, 4]);
    expect([...summary.lead.counts.slice(0, 5)]).toEqual(Array(5).fill(1000));
    expect(summary.entities.length).toBeLessThanOrEqual(128);
    expect([...summary.entityCounts.slice(0, 3)]).toEqual([1000, 1000, 1000]);
    expect(posted).toBe(64);
    expect(summary.post(8)).toBe(false);
    expect([summary.minTime, summary.maxTime]).toEqual([0, 999_000]);
  });
});
