import { describe, expect, it } from 'vitest';
import { snippet } from '../../src/store/postgres/snippet.js';

describe('search snippet', () => {
  const body =
    'Officials met on Monday. The harbour council said the missile factories would close. Workers protested outside the gates for hours, and the mayor promised talks. Nothing else happened that week in the port city.';

  it('marks the query words by stem in a 16-word window, starting at a sentence, cut with …', () => {
    expect(snippet(body, ['missiles', 'factory'])).toBe('…The harbour council said the «missile» «factories» would close. Workers protested outside the gates for hours…');
  });

  it('prefers the window with the most distinct query words, kept 16 words long at the end', () => {
    expect(snippet(body, ['week', 'port', 'harbour'])).toBe('…for hours, and the mayor promised talks. Nothing else happened that «week» in the «port» city.');
  });

  it('falls back to the start of the body when no word is found', () => {
    expect(snippet('Short body.', ['absent'])).toBe('Short body.');
  });
});
