import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';

/**
 * Streams a JSONL file through `transform`, one output line per input line, so memory stays flat however
 * long the file is. A line that fails is reported on stderr with its number and skipped; the others are
 * still processed and the exit status says something went wrong.
 */
export interface JsonlTransform {
  /** Command name for messages ("wirebrief cluster"). */
  readonly command: string;
  readonly input: string;
  readonly output: string;
  /** Parsed JSON of one line → the object to write; throws with a readable reason for a bad line. */
  readonly transform: (value: unknown) => unknown;
}

export function describeProblem(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'line'} ${i.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

async function write(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function transformJsonl({ command, input: inputPath, output, transform }: JsonlTransform): Promise<void> {
  const input = createReadStream(inputPath, { encoding: 'utf8' });
  // Fail on a missing input before creating (or truncating) the output file.
  await once(input, 'ready');
  const out = createWriteStream(output, { encoding: 'utf8' });
  const outputFailed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  outputFailed.catch(() => undefined);
  let lineNumber = 0;
  let failures = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === '') continue;
      let result: string;
      try {
        result = `${JSON.stringify(transform(JSON.parse(line)))}\n`;
      } catch (error) {
        failures++;
        process.stderr.write(`${command}: ${inputPath} line ${lineNumber}: ${describeProblem(error)}\n`);
        continue;
      }
      await Promise.race([write(out, result), outputFailed]);
    }
  } finally {
    out.end();
  }
  await Promise.race([once(out, 'finish'), outputFailed]);
  if (failures > 0) {
    process.stderr.write(`${command}: ${failures} of ${lineNumber} lines could not be processed\n`);
    process.exitCode = 1;
  }
}
