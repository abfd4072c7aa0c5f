import { describe, expect, it } from 'vitest';
import { describeSource } from '../../src/core/source-name.js';

describe('describeSource', () => {
  it('names the outlet when the file names one', () => {
    expect(describeSource({ source: 'Reuters', credit: 'AFP', dateline: 'SEOUL' })).toBe('Reuters');
  });

  it('falls back to the agency credit', () => {
    expect(describeSource({ credit: 'AFP' })).toBe('AFP');
  });

  it('falls back to the web host of the url', () => {
    expect(describeSource({ url: 'https://www.example.com/news/1' })).toBe('example.com');
    expect(describeSource({ url: 'not a url', dateline: 'SEOUL' })).toBe('Seoul dateline');
  });

  it('describes what is known when no outlet is named, never inventing one', () => {
    expect(describeSource({ dateline: 'SEOUL', published: '2025-12-26' })).toBe('Seoul dateline, 26 Dec 2025');
    expect(describeSource({ dateline: 'ST. LOUIS, Missouri', published: '2025-01-05T08:00:00Z' })).toBe('St. Louis, Missouri dateline, 5 Jan 2025');
    expect(describeSource({ published: '2025-12-26' })).toBe('Unnamed source, 26 Dec 2025');
  });

  it('has a last resort', () => {
    expect(describeSource({})).toBe('Unnamed source');
    expect(describeSource({ source: '  ' })).toBe('Unnamed source');
  });
});
