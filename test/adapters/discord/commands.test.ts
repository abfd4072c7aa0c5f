import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommands } from '../../../src/adapters/discord/command-definitions.js';
import { inviteUrl, registerCommands } from '../../../src/adapters/discord/register-commands.js';
import type { FakeInteraction } from '../../fakes/discord/state.js';
import type { InteractionSpec } from '../../fakes/discord/interaction-payloads.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };
/** All visible text of a message, with Discord markdown escapes undone so tests read what people see. */
const text = (data: Record<string, unknown> | undefined) =>
  [String(data?.content ?? ''), ...((data?.embeds ?? []) as Embed[]).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])]
    .join('\n')
    .replace(/\\([^\w\s])/g, '$1');

async function run(spec: InteractionSpec, as: 'admin' | 'member' = 'member'): Promise<FakeInteraction> {
  const sent = h.fake.interact(spec, { channel: h.channel, as });
  await h.fake.until(() => sent.callback, `the answer to ${JSON.stringify(spec)}`);
  return sent;
}

describe('Discord slash commands through discord.js and the fake', () => {
  it('registers the commands by bulk overwrite, idempotently, with Manage Server on /wirebrief', async () => {
    const again = await registerCommands({ token: h.fake.token, applicationId: h.fake.applicationId, guildId: h.fake.guildId, apiUrl: h.fake.apiUrl });
    expect(again).toEqual({ scope: 'guild', names: ['digest', 'article', 'quote', 'news', 'wirebrief'] });
    const saved = h.fake.state.guildCommands.get(h.fake.guildId)!;
    expect(saved).toHaveLength(discordCommands.length);
    expect(saved.find((c) => c.name === 'wirebrief')?.default_member_permissions).toBe('32');
    const puts = h.fake.calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[0]!.body).toEqual(puts[1]!.body);
  });

  it('prints an invite URL with the bot and applications.commands scopes and the needed permissions', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel, Send Messages, Embed Links, Read Message History, Create Public Threads, Send Messages in Threads
    expect(BigInt(url.searchParams.get('permissions')!)).toBe((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 35n) | (1n << 38n));
  });

  it('/digest answers with the seed story as valid embeds, only to the asker', async () => {
    const sent = await run({ kind: 'command', name: 'digest' });
    expect(sent.callback).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(text(sent.callback!.data)).toContain('Kim Jong Un');
    const call = h.fake.calls.find((c) => c.path.startsWith(`/interactions/${sent.id}/`));
    expect(call?.status).toBe(204);
  });

  it('/article <id> shows the article with paging buttons', async () => {
    const sent = await run({ kind: 'command', name: 'article', options: { query: h.pingId } });
    expect(text(sent.callback!.data)).toContain('Page');
    const labels = JSON.stringify(sent.callback!.data?.components);
    expect(labels).toContain(`wb1:page:${h.pingId}%3A2`);
  });

  it('/article autocompletes over ids and titles, at most 25 choices', async () => {
    const prefix = h.seedIds[0]!.slice(0, 3);
    const sent = await run({ kind: 'autocomplete', name: 'article', focused: 'query', value: prefix });
    expect(sent.callback?.type).toBe(8);
    const choices = sent.callback!.data!.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain(h.seedIds[0]);
    const byTitle = await run({ kind: 'autocomplete', name: 'article', focused: 'query', value: 'harbour' });
    expect((byTitle.callback!.data!.choices as { value: string }[]).map((c) => c.value)).toContain(h.pingId);
  });

  it('/quote autocompletes over speakers and answers with exact quotes and who said them', async () => {
    const complete = await run({ kind: 'autocomplete', name: 'quote', focused: 'query', value: 'Kim' });
    const names = (complete.callback!.data!.choices as { name: string }[]).map((c) => c.name);
    expect(names).toContain('Kim Jong Un');
    const sent = await run({ kind: 'command', name: 'quote', options: { query: 'Kim Jong Un' } });
    expect(text(sent.callback!.data)).toMatch(/paramount importance/);
  });

  it('/news finds articles by words', async () => {
    const sent = await run({ kind: 'command', name: 'news', options: { words: 'harbour budget' } });
    expect(text(sent.callback!.data)).toContain(h.pingId);
  });

  it('/wirebrief subscribe is refused to a member and works for an admin, re-checked on use', async () => {
    const member = await run({ kind: 'command', name: 'wirebrief', subcommand: 'subscribe', options: { schedule: '0 8 * * 1-5' } });
    expect(text(member.callback!.data)).toMatch(/Only workspace admins/);
    const admin = await run({ kind: 'command', name: 'wirebrief', subcommand: 'subscribe', options: { schedule: '0 8 * * 1-5', timezone: 'Europe/Berlin', max_stories: 3 } }, 'admin');
    expect(admin.callback!.data?.flags ?? 0).toBe(0);
    const id = /Subscribed \(id (s[0-9a-z]{6})\)/.exec(text(admin.callback!.data))?.[1];
    expect(id).toBeDefined();
    const list = await run({ kind: 'command', name: 'wirebrief', subcommand: 'subscriptions' }, 'admin');
    expect(text(list.callback!.data)).toContain('0 8 * * 1-5 Europe/Berlin');
    const removed = await run({ kind: 'command', name: 'wirebrief', subcommand: 'unsubscribe', options: { id: id! } }, 'admin');
    expect(text(removed.callback!.data)).toContain(`Subscription ${id} stopped`);
  });

  it('/wirebrief status, sources and help answer', async () => {
    const status = await run({ kind: 'command', name: 'wirebrief', subcommand: 'status' }, 'admin');
    expect(text(status.callback!.data)).toMatch(/Articles stored[\s\S]*3/);
    const sources = await run({ kind: 'command', name: 'wirebrief', subcommand: 'sources' }, 'admin');
    expect(text(sources.callback!.data)).toContain('Seeds folder');
    const help = await run({ kind: 'command', name: 'wirebrief', subcommand: 'help' }, 'admin');
    expect(text(help.callback!.data)).toContain('/article query:<id or words>');
  });

  it('never lets article text ping: allowed_mentions parse [] on every answer and no message mentions anyone', async () => {
    const sent = await run({ kind: 'command', name: 'article', options: { query: h.pingId } });
    expect(text(sent.callback!.data)).toContain('everyone');
    const answers = h.fake.calls.filter((c) => c.path.includes('/callback') && [4, 7].includes((c.body as { type: number }).type));
    expect(answers.length).toBeGreaterThan(5);
    for (const call of answers) expect((call.body as { data: { allowed_mentions?: unknown } }).data.allowed_mentions).toEqual({ parse: [] });
    for (const message of [...h.fake.state.messages.values()].flat()) {
      expect(message.mention_everyone).toBe(false);
      expect(message.mentions).toEqual([]);
    }
    expect(h.logs).toEqual([]);
  });
});
