import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Dependencies point one way: core <- commands/render/sources <- adapters/store/scheduler <- cli.
const layerOf: Record<string, number> = { core: 0, commands: 1, render: 1, sources: 1, store: 2, scheduler: 2, adapters: 2, cli: 3 };
const srcDir = join(import.meta.dirname, '..', 'src');

function* tsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

function topFolder(path: string): string {
  return relative(srcDir, path).split('/')[0] ?? '';
}

describe('architecture', () => {
  const files = [...tsFiles(srcDir)];

  it('imports only point inward (core <- commands/render/sources <- adapters/store/scheduler <- cli)', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = topFolder(file);
      if (!(from in layerOf)) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
        const target = topFolder(join(file, '..', match[1]!));
        if (target in layerOf && layerOf[target]! > layerOf[from]!) violations.push(`${relative(srcDir, file)} -> ${match[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps src/core free of I/O and platform modules', () => {
    const impure = /from\s+'(node:[^']+|fs|path|http|https|net|pg|ws|undici|better-sqlite3|discord\.js|@slack\/[^']+|@discordjs\/[^']+|node-cron|pino)'/;
    const offenders = files.filter((f) => topFolder(f) === 'core' && impure.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(srcDir, f))).toEqual([]);
  });

  it('keeps source files small (a few hundred lines at most)', () => {
    const large = files.filter((f) => readFileSync(f, 'utf8').split('\n').length > 400).map((f) => relative(srcDir, f));
    expect(large).toEqual([]);
  });
});
