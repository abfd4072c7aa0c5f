import { describe, expect, it } from 'vitest';
import { findLeadMarker, splitParagraphs, splitSentences } from '../../src/core/sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences: abbreviations', () => {
  it.each([
    ['U.S.', 'He met U.S. officials on Monday. They talked.'],
    ['U.N.', 'The U.N. Security Council met. It voted.'],
    ['Dec.', 'It happened on Dec. 26 in Seoul. Nobody saw it.'],
    ['Mr. and Mrs.', 'Mr. Smith and Mrs. Smith arrived. They left.'],
    ['Dr.', 'Dr. Jones treated him. He recovered.'],
    ['Gov. and Sen.', 'Gov. Brown met Sen. Warren. They spoke.'],
    ['Rep.', 'Rep. Ocasio-Cortez voted no. The bill passed.'],
    ['No.', 'He was ranked No. 1 in the world. Then he lost.'],
    ['St.', 'He lives in St. Louis now. He likes it.'],
    ['Jr.', 'Martin Luther King Jr. spoke there. Crowds came.'],
    ['Inc. and Corp.', 'Apple Inc. and Microsoft Corp. reported results. Shares rose.'],
    ['vs.', 'It was Brazil vs. Germany in the final. Germany won.'],
    ['e.g. and i.e.', 'Some fruit, e.g. Apples, are red, i.e. Most of them. That is all.'],
    ['a.m. and p.m.', 'He left at 9 a.m. Friday and came back at 5 p.m. Saturday. Nobody noticed.'],
  ])('keeps %s inside the sentence', (_name, text) => {
    expect(texts(text)).toHaveLength(2);
  });

  it('ends a sentence at an abbreviation when a new sentence clearly starts', () => {
    expect(texts('The talks were held in the U.S. The next round is in Geneva.')).toEqual([
      'The talks were held in the U.S.',
      'The next round is in Geneva.',
    ]);
    expect(texts('The pledge was backed by the U.S. KCNA also reported a new project.')).toEqual([
      'The pledge was backed by the U.S.',
      'KCNA also reported a new project.',
    ]);
    expect(texts('He works for Apple Inc. The company is big.')).toHaveLength(2);
  });

  it('keeps a place abbreviation in front of a name', () => {
    expect(texts('A family fell ill in the U.S. Virgin Islands, officials said. They recovered.')).toHaveLength(2);
    expect(texts('That was according to D.C. Police Chief Cathy Lanier. She spoke.')).toHaveLength(2);
  });
});

describe('splitSentences: news punctuation', () => {
  it('keeps initials with the name', () => {
    expect(texts('The book by J. K. Rowling sold well. It was a hit.')).toEqual(['The book by J. K. Rowling sold well.', 'It was a hit.']);
  });

  it('does not split decimals or times', () => {
    expect(texts('Growth was 3.5 percent by 10.30 on Monday. Markets rose.')).toEqual([
      'Growth was 3.5 percent by 10.30 on Monday.',
      'Markets rose.',
    ]);
  });

  it('keeps a quote and its attribution together after a comma', () => {
    const text = '“The sector is of paramount importance,” he said. He left.';
    expect(texts(text)).toEqual(['“The sector is of paramount importance,” he said.', 'He left.']);
    expect(texts('"It is of paramount importance," Kim said. Others agreed.')).toEqual([
      '"It is of paramount importance," Kim said.',
      'Others agreed.',
    ]);
  });

  it('ends a sentence after the closing quote mark', () => {
    expect(texts('He said: "We will win." Then he left.')).toEqual(['He said: "We will win."', 'Then he left.']);
    expect(texts('She wrote “It is over.” Nobody replied.')).toEqual(['She wrote “It is over.”', 'Nobody replied.']);
  });

  it('keeps a question inside a quote with its attribution', () => {
    expect(texts('"Why now?" he asked. Nobody knew.')).toEqual(['"Why now?" he asked.', 'Nobody knew.']);
  });

  it('ends a sentence after a closing parenthesis and never inside one', () => {
    expect(texts('He spoke (briefly.) Then he left.')).toEqual(['He spoke (briefly.)', 'Then he left.']);
    expect(texts('The deal (signed on Jan. 5. It ends in May) holds. Both sides agree.')).toEqual([
      'The deal (signed on Jan. 5. It ends in May) holds.',
      'Both sides agree.',
    ]);
  });

  it('treats an ellipsis as an end only before a capital letter', () => {
    expect(texts('The sector is … of importance. He waited... Then he left.')).toEqual([
      'The sector is … of importance.',
      'He waited...',
      'Then he left.',
    ]);
    expect(texts('He said . . . nothing. Then left.')).toEqual(['He said . . . nothing.', 'Then left.']);
  });

  it('keeps Unicode dashes inside a sentence', () => {
    expect(texts('Technology—especially space technology – is shared. It matters.')).toHaveLength(2);
  });

  it('ends sentences on ! and ?', () => {
    expect(texts('Why? Because it works! Really.')).toEqual(['Why?', 'Because it works!', 'Really.']);
  });

  it('never makes a sentence of a lone mark', () => {
    expect(texts('It ended.\n. AFP')).toEqual(['It ended.', '. AFP']);
  });
});

describe('splitSentences: lines, headlines, bullets, lead markers', () => {
  it('ends a headline line that has no full stop', () => {
    const sentences = splitSentences('Kim orders more missiles\nNorth Korean leader Kim Jong Un has ordered officials to step up production. He spoke.');
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['Kim orders more missiles', 0],
      ['North Korean leader Kim Jong Un has ordered officials to step up production.', 1],
      ['He spoke.', 1],
    ]);
  });

  it('joins hard-wrapped lines of one paragraph', () => {
    const text = 'North Korean leader Kim Jong Un has ordered officials to step up\nproduction of missiles and construct more factories, state media\nsaid on Friday.\n\nAnalysts say the goal is exports.';
    expect(splitParagraphs(text)).toHaveLength(2);
    expect(texts(text)).toEqual([
      'North Korean leader Kim Jong Un has ordered officials to step up\nproduction of missiles and construct more factories, state media\nsaid on Friday.',
      'Analysts say the goal is exports.',
    ]);
  });

  it('makes each bullet line its own sentence', () => {
    expect(texts('Three goals:\n- precise strikes\n• new weapons\n1. Exports to Russia\n2) More factories')).toEqual([
      'Three goals:',
      '- precise strikes',
      '• new weapons',
      '1. Exports to Russia',
      '2) More factories',
    ]);
  });

  it('keeps a CNN source prefix inside the first sentence', () => {
    expect(texts('(CNN)The court met. It ruled.')).toEqual(['(CNN)The court met.', 'It ruled.']);
    expect(findLeadMarker('(CNN)The court met.')).toEqual({ start: 0, end: 5, source: 'CNN' });
  });

  it('keeps a dateline inside the first sentence and recognises it', () => {
    const text = 'ST. LOUIS, Missouri (CNN) -- Police said. They left.';
    expect(texts(text)).toEqual(['ST. LOUIS, Missouri (CNN) -- Police said.', 'They left.']);
    expect(findLeadMarker(text)).toMatchObject({ dateline: 'ST. LOUIS, Missouri', source: 'CNN', end: 29 });
    expect(findLeadMarker('WASHINGTON (Reuters) - U.S. officials said.')).toMatchObject({ dateline: 'WASHINGTON', source: 'Reuters', end: 23 });
    expect(findLeadMarker('SEOUL: North Korean leader')).toEqual({ start: 0, end: 7, dateline: 'SEOUL' });
    expect(findLeadMarker('U.S. officials said')).toBeUndefined();
  });

  it('numbers sentences and paragraphs in order', () => {
    const sentences = splitSentences('One. Two.\n\nThree.');
    expect(sentences.map((s) => [s.index, s.paragraph, s.start, s.end])).toEqual([
      [0, 0, 0, 4],
      [1, 0, 5, 9],
      [2, 1, 11, 17],
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\n ')).toEqual([]);
    expect(splitParagraphs('')).toEqual([]);
  });

  it('handles Windows line endings', () => {
    expect(texts('First line.\r\n\r\nSecond line.')).toEqual(['First line.', 'Second line.']);
  });
});
