import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import type { ArticleId } from '../../core/article.js';
import { splitSentences } from '../../core/sentences.js';
import { summarizeArticles, type SummaryBudget } from '../../core/summarize/index.js';
import { describeProblem } from '../jsonl-transform.js';

/**
 * `wirebrief summarize`: JSONL stories in, JSONL extractive summaries out, one line at a time so memory
 * stays flat however long the file is. A bad line is reported with its number and skipped; the others are
 * still summarized and the exit status says something went wrong. The file is read and written in large
 * synchronous chunks: a batch has nothing else to do meanwhile, and awaiting a stream left the process
 * idle between reads for a tenth of its run.
 */
const storyLine = z.object({
  id: z.union([z.string(), z.number()]),
  articles: z.array(z.string()).min(1, 'needs at least one article'),
});

interface SummarizeOptions {
  readonly input: string;
  readonly output: string;
  readonly sentences?: number;
  readonly words?: number;
  readonly characters?: number;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

function budgetOf(options: SummarizeOptions): SummaryBudget {
  if (options.words !== undefined) return { words: options.words };
  if (options.characters !== undefined) return { characters: options.characters };
  return { sentences: options.sentences ?? 3 };
}

/** One output line for one input line; throws with a readable reason when the line is not a story. */
function summarizeLine(line: string, budget: SummaryBudget): string {
  const story = storyLine.parse(JSON.parse(line));
  // The output names no articles, so the place on the line is identity enough; a content hash of every
  // article would cost more than summarizing it.
  const docs = story.articles.map((body, i) => ({ articleId: `${i}` as ArticleId, body, sentences: splitSentences(body) }));
  // One sentence per output line: a line break inside a sentence is only layout, so it becomes a space.
  const summary = summarizeArticles(docs, budget).map((s) => s.text.replace(/\s*[\r\n]+\s*/g, ' ')).join('\n');
  return `${JSON.stringify({ id: story.id, summary })}\n`;
}

const chunkBytes = 1 << 20;

/** The lines of an open file, ended as readline ends them with `crlfDelay: Infinity`: \n, \r\n or a lone \r. */
function* lines(fd: number): Generator<string> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for (;;) {
    const read = readSync(fd, buffer, 0, chunkBytes, null);
    const text = pending + (read > 0 ? decoder.write(buffer.subarray(0, read)) : decoder.end());
    let from = 0;
    // indexOf finds \n far faster than a regex; the rare lone \r is split off the line afterwards.
    for (let end = text.indexOf('\n'); end >= 0; from = end + 1, end = text.indexOf('\n', from)) yield* splitAtCarriageReturns(text.slice(from, end));
    // A chunk can end inside a line, or between the \r and \n of one line end: that part waits for the next chunk.
    pending = text.slice(from);
    if (read === 0) {
      if (pending !== '') yield* splitAtCarriageReturns(pending);
      return;
    }
  }
}

function splitAtCarriageReturns(line: string): string[] {
  if (!line.includes('\r')) return [line];
  const parts = line.split('\r');
  // "a\r" (the \r of a \r\n) is one line, not "a" and "".
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** `writeSync` may write less than asked (a full disk, a pipe); keep going until all is written or it throws. */
function writeAll(fd: number, text: string): void {
  const data = Buffer.from(text, 'utf8');
  for (let at = 0; at < data.length; ) at += writeSync(fd, data, at);
}

function run(options: SummarizeOptions): void {
  const budget = budgetOf(options);
  // Fail on a missing input before creating (or truncating) the output file.
  const input = openSync(options.input, 'r');
  let output: number | undefined;
  try {
    output = openSync(options.output, 'w');
    let lineNumber = 0;
    let failures = 0;
    let batch = '';
    for (const line of lines(input)) {
      lineNumber++;
      if (line.trim() === '') continue;
      try {
        batch += summarizeLine(line, budget);
      } catch (error) {
        failures++;
        process.stderr.write(`wirebrief summarize: ${options.input} line ${lineNumber}: ${describeProblem(error)}\n`);
        continue;
      }
      if (batch.length >= chunkBytes) {
        writeAll(output, batch);
        batch = '';
      }
    }
    writeAll(output, batch);
    if (failures > 0) {
      process.stderr.write(`wirebrief summarize: ${failures} of ${lineNumber} lines could not be summarized\n`);
      process.exitCode = 1;
    }
  } finally {
    closeSync(input);
    if (output !== undefined) closeSync(output);
  }
}

export function register(program: Command): void {
  program
    .command('summarize')
    .description('extractive summaries of JSONL stories: each line {"id","articles":[text,...]} becomes {"id","summary"}')
    .requiredOption('--input <file>', 'JSONL file of stories (several articles on one line are one story)')
    .requiredOption('--output <file>', 'JSONL file to write, one {"id","summary"} per story, one sentence per summary line')
    .addOption(new Option('--sentences <n>', 'sentences per summary (default 3)').argParser(parseCount).conflicts(['words', 'characters']))
    .addOption(new Option('--words <n>', 'at most this many words per summary').argParser(parseCount).conflicts(['sentences', 'characters']))
    .addOption(new Option('--characters <n>', 'at most this many characters per summary').argParser(parseCount).conflicts(['sentences', 'words']))
    .action(run);
}
