import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'wirebrief-summarize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wirebrief(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // npx's own warnings about the local npm config are not ours.
    child.on('close', (code) => done({ code, stderr: stderr.split('\n').filter((l) => !l.startsWith('npm warn')).join('\n') }));
    child.on('error', fail);
  });
}

const seeds = ['000_814867405d2e95ac.txt', '001_584bd946d38e3076.txt'].map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
const article = '(CNN)The city council approved the new budget on Monday after a long debate. Council members argued for hours over school funding. The mayor welcomed the vote and promised quick action on repairs. Critics said the plan ignores rising rents in the city. The budget takes effect in July.';

describe('wirebrief summarize', () => {
  it('summarizes every good line, names each malformed line on stderr and exits non-zero', async () => {
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, [
      JSON.stringify({ id: 'one', articles: [article] }),
      '{"id": "broken", "articles": [',
      JSON.stringify({ id: 'story', articles: seeds }),
      JSON.stringify({ id: 'empty', articles: [] }),
      '',
    ].join('\n'));

    const { code, stderr } = await wirebrief(['summarize', '--input', input, '--output', output]);

    expect(code).not.toBe(0);
    expect(stderr).toMatch(/line 2: .*JSON/);
    expect(stderr).toMatch(/line 4: articles needs at least one article/);
    expect(stderr).not.toMatch(/line [13]:/);
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; summary: string });
    expect(lines.map((l) => l.id)).toEqual(['one', 'story']);
    for (const line of lines) {
      const sentences = line.summary.split('\n');
      expect(sentences).toHaveLength(3);
      const sources = line.id === 'one' ? [article] : seeds;
      for (const s of sentences) expect(sources.some((text) => text.replace(/\s+/g, ' ').includes(s))).toBe(true);
    }
    expect(lines[0]!.summary.startsWith('The city council approved')).toBe(true);
  });

  it('honours a word budget and exits 0 when every line is good', async () => {
    const input = join(dir, 'words.jsonl');
    const output = join(dir, 'words-out.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 7, articles: [article] })}\n`);

    const { code, stderr } = await wirebrief(['summarize', '--input', input, '--output', output, '--words', '20']);

    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { id, summary } = JSON.parse(readFileSync(output, 'utf8')) as { id: number; summary: string };
    expect(id).toBe(7);
    expect(summary.split(/\s+/).length).toBeLessThanOrEqual(20);
    expect(summary.length).toBeGreaterThan(0);
  });

  it('reads \\r\\n and lone \\r line ends as readline does, with line numbers to match', async () => {
    const input = join(dir, 'crlf.jsonl');
    const output = join(dir, 'crlf-out.jsonl');
    const story = (id: string): string => JSON.stringify({ id, articles: [article] });
    writeFileSync(input, `${story('a')}\r{"id": "bad"\r\n${story('c')}\r\n`);

    const { code, stderr } = await wirebrief(['summarize', '--input', input, '--output', output]);

    expect(code).toBe(1);
    expect(stderr).toMatch(/line 2: /);
    expect(readFileSync(output, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'c']);
  });

  it('names a missing input file and leaves no output behind', async () => {
    const output = join(dir, 'never.jsonl');
    const { code, stderr } = await wirebrief(['summarize', '--input', join(dir, 'missing.jsonl'), '--output', output]);
    expect(code).toBe(1);
    expect(stderr).toContain('missing.jsonl');
    expect(() => readFileSync(output)).toThrow();
  });
});
