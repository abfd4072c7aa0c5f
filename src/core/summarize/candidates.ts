import type { ArticleId, Sentence } from '../article.js';
import { leadJunkLength } from './lead-junk.js';
import { Vocabulary, type SentenceReading } from './term-ids.js';

/** One article to summarize: its text and its sentences (each `text` is `body.slice(start, end)`, as `splitSentences` gives them). */
export interface SummaryDoc {
  readonly articleId: ArticleId;
  readonly body: string;
  readonly sentences: readonly Sentence[];
  /** Milliseconds since the epoch, when known: of several reports, the newest one's lead opens the summary. */
  readonly published?: number;
}

/** A sentence as the scorer sees it: the shown slice (lead furniture removed) and its features. */
export interface Candidate {
  readonly doc: number;
  readonly articleId: ArticleId;
  readonly sentenceIndex: number;
  /** Order among this article's usable sentences: 0 is the lead. */
  readonly position: number;
  /** Usable sentences in this article, to compare positions across articles of different length. */
  readonly docLength: number;
  readonly text: string;
  readonly words: number;
  /** This sentence's distinct content terms are `TermVectors` entries [termStart, termEnd). */
  readonly termStart: number;
  readonly termEnd: number;
  /** 1 for a sentence that stands on its own; lower for openers that lean on context or say little. */
  readonly standalone: number;
}

/**
 * The term vectors of all candidates of one call, end to end: ids (distinct within a sentence) from a
 * vocabulary shared by all documents of the call, each with how often it occurs in the sentence.
 */
export interface TermVectors {
  readonly ids: Int32Array;
  readonly counts: Float64Array;
  /** Every id is below this. */
  readonly vocabularySize: number;
}

// Openers that point back to something the reader has not seen when the sentence stands alone.
const danglingOpeners = new Set([
  'he', 'she', 'it', 'they', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'him', 'them',
  'but', 'and', 'so', 'also', 'however', 'still', 'yet', 'instead', 'meanwhile', 'then', 'there', 'such',
]);
const minWords = 4;

// " “ ‘ '
const isQuoteMark = (code: number): boolean => code === 0x22 || code === 0x201c || code === 0x2018 || code === 0x27;
// " ” ’ ' ) ]
const isCloser = (code: number): boolean => code === 0x22 || code === 0x201d || code === 0x2019 || code === 0x27 || code === 0x29 || code === 0x5d;

/** A question, possibly inside quotes or brackets: "...?" or "...?)". */
function isQuestion(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && isCloser(text.charCodeAt(end))) end--;
  return end >= 0 && text.charCodeAt(end) === 0x3f;
}

/** How well a sentence stands alone, in (0, 1]: every weakness multiplies in. */
function standaloneScore(text: string, reading: SentenceReading): number {
  let score = 1;
  if (danglingOpeners.has(reading.opener)) score *= 0.6;
  if (isQuoteMark(text.charCodeAt(0))) score *= 0.6;
  if (isQuestion(text)) score *= 0.4;
  // Teasers and attributions ("Never mind cats having nine lives.", "he said.") are short.
  if (reading.words < 8) score *= 0.3;
  return score;
}

/**
 * Sentences of each article the summarizer reads. The lead carries a news story: on the CNN/DM dev set 99%
 * of the sentences it chose from whole articles were among the first 22, and stopping at 30 left ROUGE as
 * it was (R-1/R-2/R-Lsum 32.02/13.05/28.57 against 31.96/12.87/28.46 reading everything, better on both
 * halves) while long articles cost no more than short ones. Callers that segment for the summarizer alone
 * segment no further (`splitSentences(body, summarizedSentences)`).
 */
export const summarizedSentences = 30;

// Wire furniture sits at the top of an article; later sentences are not searched for it.
const furnitureSentences = 3;

export function buildCandidates(docs: readonly SummaryDoc[]): { candidates: Candidate[]; terms: TermVectors } {
  const vocabulary = new Vocabulary();
  const candidates: { -readonly [K in keyof Candidate]: Candidate[K] }[] = [];
  for (let docIndex = 0; docIndex < docs.length; docIndex++) {
    const doc = docs[docIndex]!;
    const first = candidates.length;
    for (const sentence of doc.sentences) {
      if (sentence.index >= summarizedSentences) break;
      const position = candidates.length - first;
      const text = position < furnitureSentences ? sentence.text.slice(leadJunkLength(sentence.text)).trimStart() : sentence.text;
      const reading = vocabulary.read(doc.body, sentence.end - text.length, sentence.end, minWords);
      if (reading === undefined) continue;
      candidates.push({
        doc: docIndex,
        articleId: doc.articleId,
        sentenceIndex: sentence.index,
        position,
        docLength: 0,
        text,
        words: reading.words,
        termStart: reading.termStart,
        termEnd: reading.termEnd,
        standalone: standaloneScore(text, reading),
      });
    }
    // Known only once the article is read; set in place rather than copying every candidate.
    for (let i = first; i < candidates.length; i++) candidates[i]!.docLength = candidates.length - first;
  }
  return { candidates, terms: { ids: vocabulary.termIds, counts: vocabulary.termCounts, vocabularySize: vocabulary.size } };
}
