import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli.js';
import { fakeArticle, rss2 } from '../../fakes/news-server/content.js';
import { NewsServer } from '../../fakes/news-server/news-server.js';

const server = new NewsServer();
let base = '';
let env: Record<string, string> = {};

beforeAll(async () => {
  base = await server.start();
  server
    .route('/news.xml', { body: () => rss2('Cli News', base, [1, 2, 3, 4].map((n) => fakeArticle('cli', n))) })
    .route('/broken.xml', { body: '<rss version="2.0"><channel><item><title>x</item>' });
  env = { WIREBRIEF_DATA_DIR: await mkdtemp(join(tmpdir(), 'wirebrief-source-cli-')), WIREBRIEF_USER_AGENT: 'Wirebrief-cli-test (+mailto:t@example.org)' };
});
afterAll(async () => {
  await server.close();
  await rm(env.WIREBRIEF_DATA_DIR!, { recursive: true, force: true });
});

describe('wirebrief source', () => {
  it('checks a URL on entry: a feed is added with its first items shown; a broken one is refused with the reason', async () => {
    const good = await runCli(['source', 'add', `${base}/news.xml`, '--scope', 'slack:T1'], env);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^added feed http:\/\/127\.0\.0\.1:\d+\/news\.xml as s[0-9a-z]{6} — Cli News\n/);
    expect(good.stdout.match(/ {2}· /g)).toHaveLength(3);

    const bad = await runCli(['source', 'add', `${base}/broken.xml`], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`cannot add ${base}/broken.xml: ${base}/broken.xml: malformed feed`);

    const polled = await runCli(['source', 'poll'], env);
    expect(polled.stdout).toContain(`${base}/news.xml: 4 new, 0 already stored, 0 skipped`);
    const listed = await runCli(['source', 'list'], env);
    expect(listed.stdout).toMatch(/feed {3}slack:T1 +http:\/\/127\.0\.0\.1:\d+\/news\.xml \(Cli News\) ok, fetched /);
    expect(listed.stdout).not.toContain('broken');
  });

  it('shows a failing source with its last error in source list and status', async () => {
    const failingEnv = { ...env, WIREBRIEF_DATA_DIR: await mkdtemp(join(tmpdir(), 'wirebrief-source-failing-')) };
    try {
      server.route('/turns-bad.xml', { body: rss2('Soon Broken', base, [fakeArticle('bad', 1)]) });
      expect((await runCli(['source', 'add', `${base}/turns-bad.xml`], failingEnv)).code).toBe(0);
      server.route('/turns-bad.xml', { body: '<rss version="2.0"><channel><item><title>x</item>' });
      expect((await runCli(['source', 'poll'], failingEnv)).stdout).toContain(`${base}/turns-bad.xml: FAILED (1 in a row)`);

      const reason = `FAILING ×1: ${base}/turns-bad.xml: malformed feed`;
      const listed = await runCli(['source', 'list'], failingEnv);
      expect(listed.stdout).toContain(`global         ${base}/turns-bad.xml (Soon Broken) ${reason}`);
      const status = await runCli(['status'], failingEnv);
      expect(status.stdout).toContain('sources: 1 (1 failing)\n');
      expect(status.stdout).toContain(reason);
    } finally {
      await rm(failingEnv.WIREBRIEF_DATA_DIR, { recursive: true, force: true });
    }
  });
});
