import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const seedBodies = readdirSync(join(import.meta.dirname, '..', '..', 'seeds')).map((f) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'seeds', f), 'utf8').replace(/\s+/g, ' '),
);

interface DigestJson {
  stories: { id: string; headline: string; summary: { text: string; articleId: string }[]; sources: { name: string; articleId: string }[]; quote?: { text: string; speaker: string } }[];
}

describe('wirebrief digest (end to end, fresh data dir)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirebrief-cli-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('ingests the seeds into an empty store and prints ONE story with TWO sources, verbatim, and archives it', async () => {
    const [data, out] = [tempDir(), tempDir()];
    const result = await runCli(['digest', '--json', '--out', out], { WIREBRIEF_DATA_DIR: data });
    expect(result.stderr).toMatch(/ingested 2 articles/);
    expect(result.code).toBe(0);
    const digest = JSON.parse(result.stdout) as DigestJson;
    expect(digest.stories).toHaveLength(1);
    const [story] = digest.stories;
    expect(story!.sources.map((s) => s.name).sort()).toEqual(['AFP', 'Seoul dateline, 26 Dec 2025']);
    for (const sentence of story!.summary) expect(seedBodies.some((body) => body.includes(sentence.text.replace(/\s+/g, ' ')))).toBe(true);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\dZ_local\.json$/);
    expect(files[1]).toMatch(/_local\.md$/);
    expect(readFileSync(join(out, files[1]!), 'utf8')).toContain(story!.headline);
  });

  it('prints Markdown on the terminal by default, and a second run does not ingest again', async () => {
    const [data, out] = [tempDir(), tempDir()];
    await runCli(['digest', '--out', out], { WIREBRIEF_DATA_DIR: data });
    const second = await runCli(['digest', '--out', out], { WIREBRIEF_DATA_DIR: data });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/ingested/);
    expect(second.stdout).toMatch(/^# Wirebrief digest/m);
  });

  it('refuses a bad --max with a clear message', async () => {
    const result = await runCli(['digest', '--max', 'lots'], { WIREBRIEF_DATA_DIR: tempDir() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--max must be a whole number above 0 (got "lots")');
  });
});
