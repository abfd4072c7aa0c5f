import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { extractQuotes, unifySpeakers } from '../../core/quotes/index.js';
import { splitSentences } from '../../core/sentences.js';
import type { ArticleStore } from '../../store/store.js';

/** Discord shows at most 25 choices; names and values are 1-100 characters. */
export const maxChoices = 25;
const maxChoiceText = 100;
/** Articles whose quotes are read to suggest speakers: enough for a good list, few enough to stay fast. */
const speakerArticles = 10;

export type Choice = ApplicationCommandOptionChoiceData<string>;

export interface Completions {
  /** /article: ids starting with the text, then titles with its words. */
  articles(typed: string): Promise<Choice[]>;
  /** /quote: speakers quoted in the articles that mention the text (recent articles when nothing is typed). */
  speakers(typed: string): Promise<Choice[]>;
}

const clip = (text: string) => (text.length <= maxChoiceText ? text : `${text.slice(0, maxChoiceText - 1)}…`);

export function storeCompletions(store: Pick<ArticleStore, 'completeIds' | 'search' | 'findArticles'>): Completions {
  return {
    async articles(typed) {
      const choices = await store.completeIds(typed.trim(), maxChoices);
      return choices.map((c) => ({ name: clip(`${c.id} · ${c.title}`), value: c.id }));
    },
    async speakers(typed) {
      const text = typed.trim();
      const ids = text === '' ? (await store.completeIds('', speakerArticles)).map((c) => c.id) : (await store.search(text, { limit: speakerArticles })).map((h) => h.id);
      const articles = await store.findArticles(ids);
      const quotes = unifySpeakers(
        articles.flatMap((a) => extractQuotes({ id: a.id, body: a.body, sentences: splitSentences(a.body) })),
        articles.map((a) => a.body),
      );
      const needle = text.toLowerCase();
      const speakers = [...new Set(quotes.map((q) => q.speaker))];
      // Speakers whose name has the typed text come first; the rest were quoted in articles that mention it.
      speakers.sort((a, b) => Number(!a.toLowerCase().includes(needle)) - Number(!b.toLowerCase().includes(needle)));
      return speakers.slice(0, maxChoices).map((s) => ({ name: clip(s), value: clip(s) }));
    },
  };
}
