import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, spawnWirebrief } from './spawn-wirebrief.js';

const dir = mkdtempSync(join(tmpdir(), 'wirebrief-cluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seeds = ['000_814867405d2e95ac.txt', '001_584bd946d38e3076.txt'].map((f) => readFileSync(join(repoRoot, 'seeds', f), 'utf8'));
const other = 'Heavy rain flooded parts of Jakarta, forcing thousands of residents from their homes. The Indonesian disaster agency said rivers burst their banks overnight and schools were closed across the capital.';

describe('wirebrief cluster', () => {
  it('assigns stories line by line, reports a malformed line by number and exits non-zero', async () => {
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    writeFileSync(input, [
      JSON.stringify({ id: 'afp', text: seeds[0], published: '2025-12-26' }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'rain', text: other }),
      JSON.stringify({ id: 'seoul', text: seeds[1], published: '2025-12-26T03:00:00Z' }),
      JSON.stringify({ id: 'late', text: 'x', published: 'someday' }),
      JSON.stringify({ text: 'no id' }),
      '',
    ].join('\n'));

    const { code, stderr } = await spawnWirebrief(['cluster', '--input', input, '--output', output]);

    expect(code).not.toBe(0);
    expect(stderr).toMatch(/line 2: .*JSON/);
    expect(stderr).toMatch(/line 5: article late: published "someday"/);
    expect(stderr).toMatch(/line 6: id /);
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { id: 'afp', story: 's-afp' },
      { id: 'rain', story: 's-rain' },
      { id: 'seoul', story: 's-afp' },
    ]);
  });

  it('names a missing input file and leaves no output behind', async () => {
    const { code, stderr } = await spawnWirebrief(['cluster', '--input', join(dir, 'nope.jsonl'), '--output', join(dir, 'never.jsonl')]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/nope\.jsonl/);
    expect(() => readFileSync(join(dir, 'never.jsonl'))).toThrow();
  });
});
