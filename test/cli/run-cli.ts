import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real CLI entry point (`npx tsx src/cli/main.ts …`) in the repo with the given environment. To send
 * a signal, the CLI runs as one node process (`node --import tsx`): npx would not pass the signal on.
 */
export function runCli(args: readonly string[], env: Record<string, string>, options: { readonly untilStderr?: RegExp; readonly then?: NodeJS.Signals } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const [command, prefix] = options.then ? [process.execPath, ['--import', 'tsx']] : ['npx', ['tsx']];
    const child = spawn(command, [...prefix, 'src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!signalled && options.untilStderr?.test(stderr) && options.then) {
        signalled = true;
        child.kill(options.then);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
