import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/index.js';
import { seedTexts, sourceOf } from './seed-articles.js';

const [afp, seoul] = seedTexts.map(sourceOf) as [ReturnType<typeof sourceOf>, ReturnType<typeof sourceOf>];

describe('extractQuotes on the seeds', () => {
  it('finds Kim Jong Un and Ahn Chan-il, full and partial, with provenance', () => {
    const quotes = extractQuotes(seoul);
    expect(quotes.map(({ text, speaker, partial, articleId }) => ({ text, speaker, partial, articleId }))).toEqual([
      { text: 'to further expand the overall production capacity', speaker: 'Kim Jong Un', partial: true, articleId: seoul.id },
      { text: 'The missile and shell production sector is of paramount importance in bolstering up the war deterrent', speaker: 'Kim Jong Un', partial: false, articleId: seoul.id },
      {
        text: 'With its ICBM programme already at a stage widely seen as having achieved core objectives, Pyongyang is likely to further accelerate development next year',
        speaker: 'Ahn Chan-il',
        partial: false,
        articleId: seoul.id,
      },
      {
        text: 'focus toward testing and producing systems linked to potential exports to Russia - including medium - and intermediate-range missiles',
        speaker: 'Ahn Chan-il',
        partial: true,
        articleId: seoul.id,
      },
    ]);
  });

  it('points each quote at the sentence that holds it', () => {
    for (const quote of extractQuotes(seoul)) {
      const sentence = seoul.sentences[quote.sentenceIndex]!;
      const quoteStart = seoul.body.indexOf(quote.text);
      expect(quoteStart).toBeGreaterThanOrEqual(sentence.start - 1);
      expect(quoteStart).toBeLessThan(sentence.end);
    }
  });

  it('leaves out the scare quote "threat" and the unattributed "plans for modernizing ..."', () => {
    // Nobody is said to have spoken the "plans" words: crediting North Korea would invent an attribution.
    expect(extractQuotes(afp)).toEqual([]);
  });
});

function quotesOf(body: string): Array<[string, string, boolean]> {
  return extractQuotes(sourceOf(body)).map((q) => [q.speaker, q.text, q.partial]);
}

describe('extractQuotes attribution patterns', () => {
  it('reads "X said:" frames, curly quotes and "according to"', () => {
    expect(quotesOf('Mayor Jane Doe said: “We will rebuild the bridge this year.”')).toEqual([['Jane Doe', 'We will rebuild the bridge this year.', false]]);
    expect(quotesOf('Costs will "rise sharply over the coming decade", according to Maria Lopez.')).toEqual([['Maria Lopez', 'rise sharply over the coming decade', true]]);
  });

  it('resolves a surname and a pronoun to the full name, and a role to the person it describes', () => {
    const body = [
      'Finance minister Olaf Berger met the unions on Monday.',
      '"We have no money left for this," Berger said.',
      '"The budget is closed until spring," he added.',
      'The minister said the talks would "continue after the holidays in January".',
    ].join('\n');
    expect(quotesOf(body)).toEqual([
      ['Olaf Berger', 'We have no money left for this', false],
      ['Olaf Berger', 'The budget is closed until spring', false],
      ['Olaf Berger', 'continue after the holidays in January', true],
    ]);
  });

  it('lets a quote that follows an attributed one in the same paragraph continue it', () => {
    const body = 'Ana Ruiz, a nurse, spoke first. "We worked all night long," she said. "Nobody went home before dawn today."';
    expect(quotesOf(body).map(([speaker]) => speaker)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('moves "he" to a newly introduced person rather than the previous speaker', () => {
    const body = '"Prices will fall next year," said Lee Min-ho, an economist. Judge Carla Moss, a critic of the plan, disagreed. "That is simply not what the data shows," she said.';
    expect(quotesOf(body).map(([speaker]) => speaker)).toEqual(['Lee Min-ho', 'Carla Moss']);
  });

  it('reads "Manager", "CEO" and "Analyst" before a name as titles that introduce a new speaker', () => {
    const body =
      '"It hurts a lot. We came here to win everything," said Wander Peralta, who hit two home runs.\n\n' +
      'Manager Ramón Castillo defended his decision to leave Marte on the mound. "He is one of our best arms and he had the confidence of the whole staff," he said.\n\n' +
      'CEO Dana Whitfield called the result painful. "We will come back stronger next season," she said.';
    expect(quotesOf(body).map(([speaker]) => speaker)).toEqual(['Wander Peralta', 'Ramón Castillo', 'Dana Whitfield']);
  });

  it('takes the person, not the place a relative clause names, as who "he" is', () => {
    const body =
      'Lead applicant Doug Pennefather, whose Coolibah Downs station lies downstream of the mine, spoke outside court.\n\n' +
      '"I have still got dead country out there," he said.';
    expect(quotesOf(body).map(([speaker]) => speaker)).toEqual(['Doug Pennefather']);
  });

  it('reads the name after "Secretary of State" and "Undersecretary" titles', () => {
    const body =
      'U.S. Deputy Secretary of State Daniel Whitcombe met his counterparts. "Our three countries are stronger together," Whitcombe told reporters.\n\n' +
      '"Ferrantini is part of our industrial heritage," Enterprise Undersecretary Lorenzo Castaldi said.';
    expect(quotesOf(body).map(([speaker]) => speaker)).toEqual(['Daniel Whitcombe', 'Lorenzo Castaldi']);
  });

  it('skips quotes of fewer than four words and quotes nobody speaks', () => {
    expect(quotesOf('He called it a "witch hunt" on Friday, Tom Reyes said.')).toEqual([]);
    expect(quotesOf('The film "Gone With the Wind Again Today" opens on Friday.')).toEqual([]);
  });
});
