import { createRequire } from 'node:module';
import { runJsonl } from './jsonl-runner.js';

// node-summarizer ships CommonJS without types; its frequency method is the synchronous one.
const require = createRequire(import.meta.url);
const { SummarizerManager } = require('node-summarizer') as {
  SummarizerManager: new (text: string, sentences: number) => { getSummaryByFrequency(): { summary: string | Error } };
};
const { SentenceTokenizer } = require('natural') as { SentenceTokenizer: new () => { tokenize(text: string): string[] } };
const tokenizer = new SentenceTokenizer();

/**
 * The library concatenates the chosen sentences with no separator; ROUGE-Lsum needs one per line, so the
 * summary is cut back into the sentences the library's own tokenizer produced.
 */
function splitConcatenated(summary: string, sentences: readonly string[]): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < summary.length) {
    const next = sentences.filter((s) => s.length > 0 && summary.startsWith(s, at)).sort((a, b) => b.length - a.length)[0];
    if (next === undefined) return [...parts, summary.slice(at)];
    parts.push(next);
    at += next.length;
  }
  return parts;
}

await runJsonl((articles) => {
  const text = articles.join('\n\n');
  const { summary } = new SummarizerManager(text, 3).getSummaryByFrequency();
  return summary instanceof Error ? [] : splitConcatenated(summary, tokenizer.tokenize(text));
});
