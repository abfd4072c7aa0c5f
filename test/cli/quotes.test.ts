import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, spawnWirebrief } from './spawn-wirebrief.js';

const dir = mkdtempSync(join(tmpdir(), 'wirebrief-quotes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seeds = ['000_814867405d2e95ac.txt', '001_584bd946d38e3076.txt'].map((f) => readFileSync(join(repoRoot, 'seeds', f), 'utf8'));

describe('wirebrief quotes --input/--output (batch)', () => {
  it('writes each story\'s quotes with unified speakers and reports bad lines by number', async () => {
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, [
      JSON.stringify({ id: 'story', articles: seeds }),
      JSON.stringify({ id: 7, text: 'Nothing quoted here at all.' }),
      JSON.stringify({ id: 'bad', articles: [] }),
      'not json',
      '',
    ].join('\n'));

    const { code, stderr } = await spawnWirebrief(['quotes', '--input', input, '--output', output]);

    expect(code).not.toBe(0);
    expect(stderr).toMatch(/line 3: /);
    expect(stderr).toMatch(/line 4: .*JSON/);
    const [story, empty] = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; quotes: Array<{ text: string; speaker: string; partial: boolean }> });
    expect(story!.id).toBe('story');
    expect(story!.quotes.map((q) => [q.speaker, q.partial])).toEqual([
      ['Kim Jong Un', true],
      ['Kim Jong Un', false],
      ['Ahn Chan-il', false],
      ['Ahn Chan-il', true],
    ]);
    expect(story!.quotes.some((q) => q.text === 'threat')).toBe(false);
    expect(empty).toEqual({ id: 7, quotes: [] });
  });

  it('refuses --input without --output', async () => {
    const { code, stderr } = await spawnWirebrief(['quotes', '--input', join(dir, 'in.jsonl')]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--input and --output go together/);
  });
});

describe('wirebrief quotes [query] (store)', () => {
  it('finds the stored quotes by either spelling of the researcher, as JSON', async () => {
    const env = { WIREBRIEF_DATA_DIR: mkdtempSync(join(dir, 'data-')) };
    const ingest = await spawnWirebrief(['ingest', join(repoRoot, 'seeds')], env);
    expect(ingest.code).toBe(0);

    const { code, stdout } = await spawnWirebrief(['quotes', 'An Chan-il', '--json'], env);

    expect(code).toBe(0);
    const quotes = JSON.parse(stdout) as Array<{ text: string; speaker: string; articleId: string; partial: boolean }>;
    expect(quotes.map((q) => [q.speaker, q.partial])).toEqual([
      ['Ahn Chan-il', false],
      ['Ahn Chan-il', true],
    ]);
    expect(quotes[0]!.articleId).toMatch(/^[a-z0-9]{6,8}$/);
  });
});
