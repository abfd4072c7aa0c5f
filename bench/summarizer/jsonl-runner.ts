import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The shared shape of the baseline runners: stream `{"id","articles"}` lines from argv[2], write
 * `{"id","summary"}` lines (one sentence per summary line) to argv[3]. Each baseline is its own process
 * so the benchmark measures what a user would run, start-up included.
 */
export type LineSummarizer = (articles: readonly string[]) => string[] | Promise<string[]>;

export async function runJsonl(summarize: LineSummarizer): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (input === undefined || output === undefined) throw new Error('usage: <runner> INPUT.jsonl OUTPUT.jsonl');
  const out = createWriteStream(output, { encoding: 'utf8' });
  for await (const line of createInterface({ input: createReadStream(input, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const { id, articles } = JSON.parse(line) as { id: string; articles: string[] };
    const sentences = await summarize(articles);
    const summary = sentences.map((s) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim()).join('\n');
    if (!out.write(`${JSON.stringify({ id, summary })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
