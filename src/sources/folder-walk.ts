import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type WalkEntry = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'missing'; readonly path: string; readonly reason: string };

/**
 * Yields the files under `paths` one at a time: folders recursively, each folder's entries in name order
 * (stable ingest order), hidden entries (".git", ".DS_Store") left out. A path that cannot be read is
 * yielded as missing so the caller can report it instead of the walk failing.
 */
export async function* walkFiles(paths: readonly string[]): AsyncGenerator<WalkEntry> {
  for (const path of paths) yield* walkPath(path);
}

async function* walkPath(path: string): AsyncGenerator<WalkEntry> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    yield { kind: 'missing', path, reason: describeFsError(error) };
    return;
  }
  if (!isDirectory) {
    yield { kind: 'file', path };
    return;
  }
  const names: string[] = [];
  try {
    for await (const entry of await opendir(path)) if (!entry.name.startsWith('.')) names.push(entry.name);
  } catch (error) {
    yield { kind: 'missing', path, reason: describeFsError(error) };
    return;
  }
  names.sort();
  for (const name of names) yield* walkPath(join(path, name));
}

/** Counts what walkFiles would yield, without holding the list (for a progress bar's total). */
export async function countFiles(paths: readonly string[]): Promise<number> {
  let count = 0;
  for await (const entry of walkFiles(paths)) if (entry.kind === 'file') count++;
  return count;
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder',
    ELOOP: 'too many symbolic links',
  };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}
