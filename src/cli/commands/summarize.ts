import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ArticleId } from '../../core/article.js';
import { splitSentences } from '../../core/sentences.js';
import { summarizeArticles, summarizedSentences, type SummaryBudget, type SummaryDoc } from '../../core/summarize/index.js';

/**
 * `wirebrief summarize`: JSONL stories in, JSONL extractive summaries out, one line at a time so memory
 * stays flat however long the file is. A bad line is reported with its number and skipped; the others are
 * still summarized and the exit status says something went wrong. The file is read and written in large
 * synchronous chunks: a batch has nothing else to do meanwhile, and awaiting a stream left the process
 * idle between reads for a tenth of its run. This command imports nothing it does not use (no schema
 * library, no store): in a batch of a few hundred stories, start-up is a large part of the run.
 */
interface SummarizeOptions {
  readonly input: string;
  readonly output: string;
  readonly sentences?: number;
  readonly words?: number;
  readonly characters?: number;
}

interface Story {
  readonly id: string | number;
  readonly articles: readonly string[];
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

/** The story on one line, or a throw whose message names the field at fault ("articles needs at least one article"). */
function parseStory(line: string): Story {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('line must be a JSON object');
  const { id, articles } = value as { id?: unknown; articles?: unknown };
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('id must be a string or a number');
  if (!Array.isArray(articles)) throw new Error('articles must be an array of article texts');
  if (articles.length === 0) throw new Error('articles needs at least one article');
  const notText = articles.findIndex((a) => typeof a !== 'string');
  if (notText >= 0) throw new Error(`articles.${notText} must be a string`);
  return { id, articles: articles as string[] };
}

// Most sentences have no line break, and a regex replace costs a scan of every one.
const oneLine = (text: string): string => (text.includes('\n') || text.includes('\r') ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text);

/** One output line for one input line; throws with a readable reason when the line is not a story. */
function summarizeLine(line: string, budget: SummaryBudget): string {
  const story = parseStory(line);
  // The output names no articles, so the place on the line is identity enough; a content hash of every
  // article would cost more than summarizing it. Loops rather than map(): arrays from map() can come out
  // in another internal layout than the optimised code has seen, which sends it back to the interpreter.
  const docs: SummaryDoc[] = [];
  for (const body of story.articles) docs.push({ articleId: `${docs.length}` as ArticleId, body, sentences: splitSentences(body, summarizedSentences) });
  const sentences = summarizeArticles(docs, budget);
  let summary = '';
  // One sentence per output line: a line break inside a sentence is only layout, so it becomes a space.
  for (let i = 0; i < sentences.length; i++) summary += `${i > 0 ? '\n' : ''}${oneLine(sentences[i]!.text)}`;
  return `${JSON.stringify({ id: story.id, summary })}\n`;
}

const chunkBytes = 1 << 20;
const [lineFeed, carriageReturn] = [0x0a, 0x0d];

/**
 * The lines of an open file, ended as readline ends them with `crlfDelay: Infinity`: \n, \r\n or a lone \r.
 * Lines are found in the bytes and decoded one by one (neither byte occurs inside a UTF-8 sequence): a line
 * of plain ASCII then decodes to a one-byte string, which parses faster and halves the memory of the
 * article texts, where decoding a whole chunk would make every line two-byte for one accented letter.
 */
function* lines(fd: number): Generator<string> {
  let buffer = Buffer.allocUnsafe(chunkBytes);
  // Bytes [0, kept) of `buffer` are the start of a line that the next read continues.
  let kept = 0;
  for (;;) {
    if (kept === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const read = readSync(fd, buffer, kept, buffer.length - kept, null);
    const filled = buffer.subarray(0, kept + read);
    // Searched once per chunk, not once per line: most files have no \r at all.
    let cr = filled.indexOf(carriageReturn);
    let from = 0;
    for (;;) {
      let end = filled.indexOf(lineFeed, from);
      if (end < 0) {
        // A line without its \n waits for the next read, unless the file has ended.
        if (read > 0 || from >= filled.length) break;
        end = filled.length;
      }
      for (; cr >= 0 && cr < end; cr = filled.indexOf(carriageReturn, from)) {
        yield filled.toString('utf8', from, cr);
        from = cr + 1;
      }
      // "a\r" (the \r of a \r\n) is one line, not "a" and "".
      if (from < end || filled[end - 1] !== carriageReturn) yield filled.toString('utf8', from, end);
      from = end + 1;
    }
    if (read === 0) return;
    kept = filled.copy(buffer, 0, from);
  }
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
        process.stderr.write(`wirebrief summarize: ${options.input} line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}\n`);
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
