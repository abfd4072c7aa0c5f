import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandDeps } from '../../src/cli/command-deps.js';
import { openArchive } from '../../src/cli/local-digest.js';
import { articlePage } from '../../src/commands/article.js';
import { runAction, runCommand } from '../../src/commands/run-command.js';
import type { CommandContext, CommandDeps, CommandName } from '../../src/commands/types.js';
import type { Block, Reply } from '../../src/core/message.js';
import { seededStore, type SeededStore } from './seeded-store.js';

const member: CommandContext = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'UMEMBER', isAdmin: false };
const admin: CommandContext = { ...member, userId: 'UADMIN', isAdmin: true };

/** All the words a person would read in a reply, for assertions that do not depend on block layout. */
function textOf(reply: Reply): string {
  const one = (b: Block): string => {
    switch (b.kind) {
      case 'heading':
      case 'text':
      case 'notice':
        return b.text;
      case 'story':
        return [b.story.headline, ...b.story.summary.map((s) => s.text), ...b.story.sources.map((s) => s.name)].join('\n');
      case 'quote':
        return `${b.quote.text} — ${b.quote.speaker}, ${b.sourceName}`;
      case 'fields':
        return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
      case 'list':
        return b.items.map((i) => `${i.title} ${i.detail ?? ''}`).join('\n');
      case 'actions':
        return b.actions.map((a) => a.label).join(' ');
      case 'link':
        return `${b.label}: ${b.url}`;
    }
  };
  return reply.blocks.map(one).join('\n');
}

const actionsOf = (reply: Reply) => reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.actions : []));

describe('commands against a real store with the seeds', () => {
  let seeded: SeededStore;
  let deps: CommandDeps;
  const run = (name: CommandName, text: string, ctx: CommandContext = member) => runCommand({ name, text, ctx }, deps);

  beforeAll(async () => {
    seeded = await seededStore();
    deps = createCommandDeps({
      store: seeded.store,
      config: { WIREBRIEF_TIMEZONE: 'Europe/Berlin', WIREBRIEF_ADMINS: ['UALLOWED'], WIREBRIEF_SEEDS_DIR: 'seeds', WIREBRIEF_USER_AGENT: 'Wirebrief-test' },
      clock: { now: () => new Date('2025-12-26T09:00:00Z') },
    });
  });
  afterAll(() => seeded.close());

  describe('/article', () => {
    it('shows a short article whole, with its source, a Quotes and a Share button and no paging', async () => {
      const reply = await run('article', seeded.seedIds[0]!.toUpperCase());
      const article = (await seeded.store.getArticle(seeded.seedIds[0]!))!;
      expect(reply.visibility).toBe('ephemeral');
      expect(reply.blocks.find((b) => b.kind === 'text')).toEqual({ kind: 'text', text: article.body });
      expect(actionsOf(reply).map((a) => a.kind)).toEqual(['quotes', 'share']);
    });

    it('links back to the original of an article that has a URL, and only an http(s) one', async () => {
      const links = (reply: Reply) => reply.blocks.filter((b) => b.kind === 'link');
      expect(links(await run('article', seeded.pingId))).toEqual([{ kind: 'link', label: 'Open original', url: 'https://pingtown.example/news/harbour-council?ref=rss&page=1' }]);
      expect(links(await run('article', seeded.seedIds[0]!))).toEqual([]);
      const page = async (url: string) => articlePage({ ...(await seeded.store.getArticle(seeded.pingId))!, meta: { source: 'X', url } }, 1);
      expect(links(await page('javascript:alert(1)'))).toEqual([]);
      expect(links(await page('file:///etc/passwd'))).toEqual([]);
    });

    it('pages a long article with Next/Prev, losing no text across pages', async () => {
      const first = await run('article', seeded.longId);
      expect(textOf(first)).toMatch(/Page: 1 of [2-9]/);
      const pages = [first];
      for (let next = actionsOf(first).find((a) => a.label === 'Next'); next; next = actionsOf(pages.at(-1)!).find((a) => a.label === 'Next')) {
        pages.push(await runAction({ action: next, ctx: member }, deps));
      }
      expect(actionsOf(pages[1]!).map((a) => a.label)).toContain('Prev');
      const body = (await seeded.store.getArticle(seeded.longId))!.body;
      const shown = pages.map((p) => (p.blocks.find((b) => b.kind === 'text') as { text: string }).text).join(' ');
      expect(shown.split(/\s+/)).toEqual(body.trim().split(/\s+/));
    });

    it('shares the current page with the channel, without paging buttons', async () => {
      const share = actionsOf(await run('article', seeded.longId)).find((a) => a.kind === 'share')!;
      const shared = await runAction({ action: share, ctx: member }, deps);
      expect(shared.visibility).toBe('channel');
      expect(actionsOf(shared)).toEqual([]);
    });

    it('finds an article by words', async () => {
      expect(textOf(await run('article', 'river dredging silt'))).toContain('The long report on river dredging');
    });

    it('answers an unknown id with the closest stored ids', async () => {
      const typo = `${seeded.seedIds[0]!.slice(0, -1)}${seeded.seedIds[0]!.endsWith('z') ? 'y' : 'z'}`;
      const reply = await run('article', typo);
      expect(reply.summary).toMatch(new RegExp(`^No article ${typo}; closest: .*${seeded.seedIds[0]}`));
    });

    it('answers missing and over-long arguments with usage', async () => {
      expect(textOf(await run('article', '  '))).toContain('Usage:\n/article <id or words>');
      const long = await run('news', 'x'.repeat(1001));
      expect(long.summary).toBe('That is 1001 characters; commands take at most 1000.');
      expect(textOf(long)).toContain('/news <words>');
    });

    it('shows usage as each platform has it typed: words on Slack, named options on Discord', async () => {
      const onDiscord: CommandContext = { ...member, platform: 'discord' };
      expect(textOf(await run('article', '', onDiscord))).toContain('Usage:\n/article query:<id or words>');
      const help = textOf(await run('wirebrief', 'help', onDiscord));
      expect(help).toContain('/wirebrief sources add:<url>');
      expect(help).toContain('/wirebrief subscribe schedule:<cron> [timezone:] [max_stories:] [topic:]');
      expect(help).not.toContain('sources add <url>');
      expect(help).toContain('the subscriptions of this server');
      expect(textOf(await run('wirebrief', 'help'))).toContain('/wirebrief sources add <url>');
    });
  });

  describe('/news', () => {
    it('lists ranked hits with ids and buttons to read them', async () => {
      const reply = await run('news', 'missile production');
      const text = textOf(reply);
      for (const id of seeded.seedIds) expect(text).toContain(`(${id})`);
      expect(actionsOf(reply).every((a) => a.kind === 'article')).toBe(true);
    });

    it('says plainly when nothing matches', async () => {
      expect((await run('news', 'zeppelin')).summary).toBe('Nothing stored matches "zeppelin".');
    });
  });

  describe('/quote', () => {
    it("finds Kim Jong Un's quote by speaker, with its source and a link back to the article", async () => {
      const reply = await run('quote', 'Kim Jong Un');
      const quotes = reply.blocks.flatMap((b) => (b.kind === 'quote' ? [b] : []));
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.every((q) => q.quote.speaker === 'Kim Jong Un')).toBe(true);
      expect(quotes.map((q) => q.quote.text).join(' ')).toContain('paramount importance');
      expect(actionsOf(reply).map((a) => a.value)).toContain(quotes[0]!.quote.articleId);
    });

    it('finds the researcher under either spelling of his name', async () => {
      for (const spelling of ['Ahn Chan-il', 'An Chan-il']) {
        const speakers = (await run('quote', spelling)).blocks.flatMap((b) => (b.kind === 'quote' ? [b.quote.speaker] : []));
        expect(speakers.length).toBeGreaterThan(0);
        expect(new Set(speakers).size).toBe(1);
        expect(speakers[0]).toMatch(/^Ahn? Chan-il$/);
      }
    });

    it('never lists a one-word scare quote', async () => {
      expect(textOf(await run('quote', 'North Korea'))).not.toMatch(/^"?threat"?\s—/m);
    });

    it("answers in a story's thread with that story's quotes when no words are given", async () => {
      const reply = await run('quote', '', { ...member, threadStoryId: seeded.seedStory });
      const quotes = reply.blocks.flatMap((b) => (b.kind === 'quote' ? [b.quote] : []));
      expect(quotes.every((q) => seeded.seedIds.includes(q.articleId))).toBe(true);
      expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(['Kim Jong Un', 'Ahn Chan-il']));
    });
  });

  describe('/digest', () => {
    it('composes the seeds as one story with two sources', async () => {
      const reply = await run('digest', '');
      const stories = reply.blocks.flatMap((b) => (b.kind === 'story' ? [b.story] : []));
      const seedStory = stories.find((s) => s.storyId === seeded.seedStory)!;
      expect(seedStory.sources.map((s) => s.articleId).sort()).toEqual([...seeded.seedIds].sort());
    });

    it('narrows to a topic, and says so when nothing matches', async () => {
      const reply = await run('digest', 'dredging');
      expect(reply.blocks.flatMap((b) => (b.kind === 'story' ? [b.story.headline] : []))).toEqual(['The long report on river dredging']);
      expect((await run('digest', 'zeppelin')).summary).toBe('No stories about "zeppelin" yet.');
    });

    it('archives what it composed beside the scheduled digests, without taking their file names', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wirebrief-on-demand-'));
      try {
        const archived = createCommandDeps({
          store: seeded.store,
          config: { WIREBRIEF_TIMEZONE: 'UTC', WIREBRIEF_ADMINS: [], WIREBRIEF_SEEDS_DIR: 'seeds', WIREBRIEF_USER_AGENT: 'Wirebrief-test' },
          clock: { now: () => new Date('2025-12-26T08:00:00Z') },
          archive: openArchive(dir, 'on-demand'),
        });
        await runCommand({ name: 'digest', text: '', ctx: member }, archived);
        await runCommand({ name: 'digest', text: 'zeppelin', ctx: member }, archived);
        expect(readdirSync(dir).sort()).toEqual(['2025-12-26T08-00Z_slack-t1-c1_on-demand.json', '2025-12-26T08-00Z_slack-t1-c1_on-demand.md']);
        const json = JSON.parse(readFileSync(join(dir, '2025-12-26T08-00Z_slack-t1-c1_on-demand.json'), 'utf8')) as { stories: { id: string }[] };
        expect(json.stories.map((s) => s.id)).toContain(seeded.seedStory);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('/wirebrief', () => {
    it('refuses subscription changes to people who are not admins or allow-listed', async () => {
      const reply = await run('wirebrief', 'subscribe 0 8 * * 1-5');
      expect(reply).toMatchObject({ visibility: 'ephemeral', blocks: [{ kind: 'notice', level: 'error' }] });
      expect(reply.summary).toContain('Only workspace admins and owners');
      expect(await seeded.store.listSubscriptions()).toEqual([]);
    });

    it('subscribes an admin with a read-back of the schedule, lists it, shows status, and unsubscribes', async () => {
      const done = await run('wirebrief', 'subscribe 0 8 * * 1-5 Europe/Berlin 3 missile', admin);
      expect(done.summary).toMatch(/^Subscribed \(id (s[a-z0-9]{6})\): `0 8 \* \* 1-5` means weekdays at 08:00 Europe\/Berlin; next run Mon 29 Dec 08:00; up to 3 stories about "missile"\.$/);
      const id = /id (s[a-z0-9]{6})/.exec(done.summary)![1]!;
      expect(textOf(await run('wirebrief', 'subscriptions'))).toContain(`${id}: 0 8 * * 1-5 Europe/Berlin in C1 about "missile"`);
      expect(textOf(await run('wirebrief', 'status'))).toContain('Articles stored: 4');
      expect((await run('wirebrief', `unsubscribe ${id}`, admin)).summary).toBe(`Subscription ${id} stopped.`);
      expect((await run('wirebrief', `unsubscribe ${id}`, admin)).summary).toContain(`No subscription ${id}`);
    });

    it('lets people on the WIREBRIEF_ADMINS list subscribe, and explains a bad schedule', async () => {
      const reply = await run('wirebrief', 'subscribe 0 25 * * *', { ...member, userId: 'UALLOWED' });
      expect(reply.summary).toMatch(/^Not subscribed: .*hour/);
      expect(textOf(await run('wirebrief', 'subscribe 0 8 *', admin))).toContain('five cron fields');
    });

    it('lists a failing source with its last error in status and sources, for its own workspace only', async () => {
      const location = 'http://127.0.0.1:9/gone.xml';
      const { source } = await seeded.store.addSource({ kind: 'feed', location, scope: 'slack:T1' }, new Date('2025-12-26T08:00:00Z'));
      const state = (await seeded.store.getFetchState(location))!;
      await seeded.store.saveFetchState({ ...state, failures: 3, lastError: `${location}: connection refused` });
      try {
        const failingLine = `${source.id}: ${location} (FAILING) feed ${location}; failed 3 times in a row: ${location}: connection refused`;
        const status = textOf(await run('wirebrief', 'status'));
        expect(status).toContain('Sources: 2 (1 failing)');
        expect(status).toContain(`Failing sources\n${failingLine}`);
        expect(textOf(await run('wirebrief', 'sources'))).toContain(failingLine);
        const elsewhere = textOf(await run('wirebrief', 'status', { ...member, workspaceId: 'T2' }));
        expect(elsewhere).not.toContain('FAILING');
      } finally {
        await seeded.store.removeSource('slack:T1', source.id);
      }
    });

    it('lists sources and help, and answers an unknown subcommand with usage', async () => {
      expect(textOf(await run('wirebrief', 'sources'))).toContain('4 articles stored');
      expect(textOf(await run('wirebrief', 'help'))).toContain('/quote <id, speaker or words>');
      expect(textOf(await run('wirebrief', 'frobnicate'))).toContain('Unknown subcommand "frobnicate".');
    });
  });

  describe('buttons', () => {
    it('Quotes and Discuss on a digest story act on that story', async () => {
      const quotes = await runAction({ action: { kind: 'quotes', value: seeded.seedStory }, ctx: member }, deps);
      expect(quotes.blocks.some((b) => b.kind === 'quote')).toBe(true);
      const card = await runAction({ action: { kind: 'discuss', value: seeded.seedStory }, ctx: member }, deps);
      expect(card.visibility).toBe('channel');
      expect(card.blocks).toMatchObject([{ kind: 'story', story: { storyId: seeded.seedStory } }]);
    });

    it('Full article opens page one; stale or forged values get a notice, not an exception', async () => {
      expect(textOf(await runAction({ action: { kind: 'article', value: seeded.pingId }, ctx: member }, deps))).toContain('Harbour council meets');
      for (const action of [
        { kind: 'article', value: 'nosuch1' },
        { kind: 'page', value: 'garbage' },
        { kind: 'share', value: 'nosuch1:2' },
        { kind: 'discuss', value: 's-nosuch' },
      ] as const) {
        expect((await runAction({ action, ctx: member }, deps)).blocks[0]).toMatchObject({ kind: 'notice', level: 'error' });
      }
    });

    it("'article' in a story's thread opens the story's first report", async () => {
      const reply = await run('article', '', { ...member, threadStoryId: seeded.seedStory });
      expect(textOf(reply)).toMatch(new RegExp(`Id: (${seeded.seedIds.join('|')})`));
    });
  });
});
