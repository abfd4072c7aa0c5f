import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleTransport } from '../../../src/adapters/console/console-transport.js';
import type { DeliveryKey } from '../../../src/core/subscription.js';
import { renderMarkdown } from '../../../src/render/markdown.js';

const target = { platform: 'local', workspace: 'local', channel: 'local' } as const;
const note = { type: 'reply', reply: { visibility: 'channel', summary: 'No news', blocks: [{ kind: 'text', text: 'No new stories.' }] } } as const;

describe('console transport (the local channel)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('prints once per delivery key, also across restarts, and findSent reports it', async () => {
    const sentDir = mkdtempSync(join(tmpdir(), 'wirebrief-console-'));
    dirs.push(sentDir);
    const printed: string[] = [];
    const make = () => createConsoleTransport({ write: (t) => printed.push(t), renderMarkdown, sentDir });
    const key = 'wbabc' as DeliveryKey;
    expect(await make().findSent(target, key)).toBeUndefined();
    const refs = await make().send(target, [note], key);
    expect(await make().send(target, [note], key)).toEqual(refs);
    expect(await make().findSent(target, key)).toEqual(refs);
    expect(printed).toEqual(['No new stories.\n']);
  });
});
