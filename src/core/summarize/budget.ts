import { isSpace } from '../segment/whitespace.js';

/** How much summary fits: a number of sentences, of words, or of characters (sentences joined by a space). */
export type SummaryBudget = { readonly sentences: number } | { readonly words: number } | { readonly characters: number };

/** Whitespace-separated words, the unit people mean by "a 100-word summary". */
export function countWords(text: string): number {
  // A loop rather than /\S+/g: this runs for every sentence of every article and allocates nothing.
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}


/** The running cost of a selection against its budget; `fits` answers whether one more sentence still fits. */
export class BudgetMeter {
  private sentences = 0;
  private words = 0;
  private characters = 0;

  constructor(private readonly budget: SummaryBudget) {
    const limit = 'sentences' in budget ? budget.sentences : 'words' in budget ? budget.words : budget.characters;
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`summary budget must be a whole number >= 0, got ${String(limit)}`);
  }

  fits(text: string, wordCount: number): boolean {
    const b = this.budget;
    if ('sentences' in b) return this.sentences + 1 <= b.sentences;
    if ('words' in b) return this.words + wordCount <= b.words;
    return this.characters + (this.sentences > 0 ? 1 : 0) + text.length <= b.characters;
  }

  add(text: string, wordCount: number): void {
    this.characters += (this.sentences > 0 ? 1 : 0) + text.length;
    this.sentences++;
    this.words += wordCount;
  }

  /** True when not even the smallest conceivable sentence could be added. */
  get full(): boolean {
    const b = this.budget;
    if ('sentences' in b) return this.sentences >= b.sentences;
    if ('words' in b) return this.words >= b.words;
    return this.characters + (this.sentences > 0 ? 2 : 1) > b.characters;
  }
}
