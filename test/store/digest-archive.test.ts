import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/core/digest.js';
import type { DeliveryKey } from '../../src/core/subscription.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { archiveBaseName, channelSlug, createDigestArchive } from '../../src/store/digest-archive.js';

const digest: Digest = { title: 'Morning', composedAt: '2025-12-26T08:00:00.000Z', channel: { platform: 'local', workspace: 'local', channel: 'local' }, stories: [] };

describe('digest archive', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('names files by time and channel, sortable and safe for any file system', () => {
    expect(archiveBaseName(digest)).toBe('2025-12-26T08-00Z_local');
    expect(channelSlug({ platform: 'slack', workspace: 'T01', channel: '#Général news/../x' })).toBe('slack-t01-g-n-ral-news-x');
    expect(() => archiveBaseName({ ...digest, composedAt: 'yesterday' })).toThrow(/composedAt "yesterday" is not a date-time/);
  });

  it('writes Markdown and JSON atomically (no temp files left) and overwrites the same slot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirebrief-archive-'));
    dirs.push(dir);
    const archive = createDigestArchive(join(dir, 'digests'), renderMarkdown);
    const paths = await archive.write(digest, 'wbkey' as DeliveryKey);
    await archive.write({ ...digest, title: 'Morning, again' }, 'wbkey' as DeliveryKey);
    expect(readdirSync(join(dir, 'digests')).sort()).toEqual(['2025-12-26T08-00Z_local.json', '2025-12-26T08-00Z_local.md']);
    expect(readFileSync(paths.markdownPath, 'utf8')).toContain('Morning, again');
    expect(JSON.parse(readFileSync(paths.jsonPath, 'utf8'))).toMatchObject({ title: 'Morning, again', deliveryKey: 'wbkey', stories: [] });
  });
});
