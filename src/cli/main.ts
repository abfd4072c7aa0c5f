import { CommanderError } from 'commander';
import { buildProgram } from './program.js';

/** Error text can quote a URL or an SDK's request, so it is scrubbed like a log line before it is printed. */
async function printableError(error: unknown): Promise<string> {
  const text = error instanceof Error ? error.message : String(error);
  // Loaded only on this path: the commands that never fail should not pay for the configuration schema.
  const [{ scrubber }, { loadConfig, secretValues }] = await Promise.all([import('../adapters/scrub-secrets.js'), import('../config.js')]);
  let secrets: string[] = [];
  try {
    secrets = secretValues(loadConfig());
  } catch {
    // An invalid configuration has no values to trust; the token shapes are still scrubbed.
  }
  return scrubber(secrets)(text);
}

/** The composition root's entry: parse argv, run, and turn any escaped error into one line and exit 1. */
async function main(argv: readonly string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv as string[]);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`wirebrief: ${await printableError(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
