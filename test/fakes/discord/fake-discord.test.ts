import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.js';

// The fake is checked against the real discord.js client (login, gateway, interactions) and against
// plain HTTP for the rules Discord enforces (limits, nonces, threads, injected failures).
let fake: FakeDiscord;
beforeEach(async () => {
  fake = await FakeDiscord.start();
});
afterEach(async () => {
  await fake.close();
});

async function api(method: string, path: string, body?: unknown, auth = true, signal?: AbortSignal) {
  const res = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    signal,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bot ${fake.token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

async function loggedInClient(shard?: { readonly shards: number; readonly shardCount: number }): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl }, ...shard });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
  return client;
}

describe('fake Discord with a real discord.js client', () => {
  it('logs in through GET /gateway/bot, IDENTIFY and READY, and sees the guild', async () => {
    const channel = fake.addChannel('news');
    const client = await loggedInClient();
    try {
      expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toContain('GET /gateway/bot');
      expect(fake.gateway.identifies).toEqual([{ intents: GatewayIntentBits.Guilds }]);
      expect(client.guilds.cache.get(fake.guildId)?.channels.cache.has(channel.id)).toBe(true);
    } finally {
      await client.destroy();
    }
  });

  it('delivers an injected slash command and accepts its callback', async () => {
    const channel = fake.addChannel('news');
    const client = await loggedInClient();
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: `topic=${interaction.options.getString('topic')}` });
    });
    try {
      const sent = fake.interact({ kind: 'command', name: 'digest', options: { topic: 'missiles' } }, { channel });
      await fake.until(() => sent.callback, 'the callback');
      expect(sent.callback).toMatchObject({ type: 4, data: { content: 'topic=missiles' } });
      expect(fake.state.messagesIn(channel.id).map((m) => m.content)).toEqual(['topic=missiles']);
      await expect(api('POST', `/interactions/${sent.id}/${sent.token}/callback`, { type: 4, data: { content: 'again' } }, false)).resolves.toMatchObject({
        status: 400,
        body: { code: 40060 },
      });
    } finally {
      await client.destroy();
    }
  });

  it('keeps several sessions open at once, each receiving the guild events, as separate processes do', async () => {
    const channel = fake.addChannel('news');
    const clients = [await loggedInClient(), await loggedInClient()];
    const seen = clients.map(() => [] as string[]);
    clients.forEach((client, i) => client.on(Events.InteractionCreate, (interaction) => void (interaction.isChatInputCommand() && seen[i]!.push(interaction.commandName))));
    try {
      fake.interact({ kind: 'command', name: 'news', options: { words: 'shells' } }, { channel });
      await fake.until(() => seen.every((s) => s.length === 1), 'the interaction on both sessions');
      expect(clients.map((c) => c.ws.shards.first()?.status)).toEqual([0, 0]);
    } finally {
      await Promise.all(clients.map((c) => c.destroy()));
    }
  });

  it('sends the guild to the shard that holds it only', async () => {
    const holder = Number((BigInt(fake.guildId) >> 22n) % 2n);
    const clients = [await loggedInClient({ shards: 0, shardCount: 2 }), await loggedInClient({ shards: 1, shardCount: 2 })];
    try {
      expect(clients.map((c) => c.guilds.cache.has(fake.guildId))).toEqual([holder === 0, holder === 1]);
    } finally {
      await Promise.all(clients.map((c) => c.destroy()));
    }
  });

  it('resumes a dropped session and replays what was dispatched meanwhile', async () => {
    const channel = fake.addChannel('news');
    const client = await loggedInClient();
    const seen: string[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) seen.push(interaction.commandName);
    });
    try {
      await fake.gateway.drop();
      fake.interact({ kind: 'command', name: 'news', options: { words: 'shells' } }, { channel });
      await fake.until(() => fake.gateway.resumes === 1 && seen.length === 1, 'the resume and replay');
      expect(seen).toEqual(['news']);
      expect(fake.gateway.identifies).toHaveLength(1);
    } finally {
      await client.destroy();
    }
  });
});

describe('fake Discord REST rules', () => {
  it('rejects a request without the bot token', async () => {
    await expect(api('GET', '/users/@me', undefined, false)).resolves.toMatchObject({ status: 401 });
  });

  it('validates every message limit with code 50035 and the failing field', async () => {
    const channel = fake.addChannel('news');
    const long = (n: number) => 'x'.repeat(n);
    const cases: [unknown, string][] = [
      [{ content: long(2001) }, 'content'],
      [{ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, 'embeds'],
      [{ embeds: [{ title: long(257) }] }, 'embeds.0.title'],
      [{ embeds: [{ description: long(4097) }] }, 'embeds.0.description'],
      [{ embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, 'embeds.0.fields'],
      [{ embeds: [{ fields: [{ name: long(257), value: 'v' }] }] }, 'embeds.0.fields.0.name'],
      [{ embeds: [{ fields: [{ name: 'n', value: long(1025) }] }] }, 'embeds.0.fields.0.value'],
      [{ embeds: [{ footer: { text: long(2049) } }] }, 'embeds.0.footer.text'],
      [{ embeds: [{ description: long(4000) }, { description: long(2001) }] }, 'embeds'],
      [{ content: 'hi', nonce: long(26) }, 'nonce'],
    ];
    for (const [body, field] of cases) {
      const res = await api('POST', `/channels/${channel.id}/messages`, body);
      expect(res.status, field).toBe(400);
      expect(res.body?.code, field).toBe(50035);
      let node = res.body?.errors as Record<string, unknown> | undefined;
      for (const key of field.split('.')) node = node?.[key] as Record<string, unknown> | undefined;
      expect(node?._errors, field).toBeDefined();
    }
    expect(fake.state.messagesIn(channel.id)).toHaveLength(0);
    await expect(api('POST', `/channels/${channel.id}/messages`, { content: '' })).resolves.toMatchObject({ status: 400, body: { code: 50006 } });
  });

  it('returns the first message for a resend with the same nonce when enforce_nonce is set', async () => {
    const channel = fake.addChannel('news');
    const first = await api('POST', `/channels/${channel.id}/messages`, { content: 'one', nonce: 'd-1', enforce_nonce: true });
    const again = await api('POST', `/channels/${channel.id}/messages`, { content: 'one', nonce: 'd-1', enforce_nonce: true });
    expect(again.body?.id).toBe(first.body?.id);
    const unenforced = await api('POST', `/channels/${channel.id}/messages`, { content: 'one', nonce: 'd-1' });
    expect(unenforced.body?.id).not.toBe(first.body?.id);
  });

  it('computes pings the way Discord does: content only, narrowed by allowed_mentions', async () => {
    const channel = fake.addChannel('news');
    const pinging = await api('POST', `/channels/${channel.id}/messages`, { content: '@everyone look' });
    const quiet = await api('POST', `/channels/${channel.id}/messages`, { content: '@everyone look', allowed_mentions: { parse: [] } });
    const inEmbed = await api('POST', `/channels/${channel.id}/messages`, { embeds: [{ description: '@everyone' }] });
    expect([pinging, quiet, inEmbed].map((r) => r.body?.mention_everyone)).toEqual([true, false, false]);
  });

  it('starts one thread per message with a 1-100 character name', async () => {
    const channel = fake.addChannel('news');
    const message = await api('POST', `/channels/${channel.id}/messages`, { content: 'story' });
    const path = `/channels/${channel.id}/messages/${String(message.body?.id)}/threads`;
    await expect(api('POST', path, { name: 'x'.repeat(101) })).resolves.toMatchObject({ status: 400, body: { code: 50035 } });
    const thread = await api('POST', path, { name: 'Story' });
    expect(thread).toMatchObject({ status: 201, body: { id: message.body?.id, type: 11, parent_id: channel.id } });
    await expect(api('POST', path, { name: 'Story' })).resolves.toMatchObject({ status: 400, body: { code: 160004 } });
    await expect(api('GET', `/channels/${String(thread.body?.id)}`)).resolves.toMatchObject({ status: 200, body: { name: 'Story' } });
  });

  it('bulk-overwrites commands idempotently, keeping ids by name', async () => {
    const path = `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`;
    const first = await api('PUT', path, [{ name: 'digest', description: 'd' }]);
    const second = await api('PUT', path, [{ name: 'digest', description: 'd' }]);
    expect((second.body as unknown as { id: string }[])[0]!.id).toBe((first.body as unknown as { id: string }[])[0]!.id);
    await expect(api('GET', path)).resolves.toMatchObject({ body: [{ name: 'digest' }] });
  });

  it('injects 429 with rate-limit headers, 5xx and Discord error codes for the next N calls', async () => {
    const channel = fake.addChannel('news');
    const path = /^\/channels\/\d+\/messages$/;
    fake.failNext({ method: 'POST', path, fault: { kind: 'rate-limit', retryAfterMs: 250 } });
    fake.failNext({ method: 'POST', path, fault: { kind: 'server-error' }, times: 2 });
    fake.failNext({ method: 'POST', path, fault: { kind: 'missing-permissions' } });
    fake.failNext({ method: 'POST', path, fault: { kind: 'unknown-channel' } });
    const post = () => api('POST', `/channels/${channel.id}/messages`, { content: 'hi' });
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('0.250');
    expect(limited.body).toMatchObject({ retry_after: 0.25, global: false });
    expect([(await post()).status, (await post()).status]).toEqual([500, 500]);
    await expect(post()).resolves.toMatchObject({ status: 403, body: { code: 50013 } });
    await expect(post()).resolves.toMatchObject({ status: 404, body: { code: 10003 } });
    await expect(post()).resolves.toMatchObject({ status: 200 });
    expect(fake.calls.map((c) => c.status)).toEqual([429, 500, 500, 403, 404, 200]);
  });

  it('lets N calls through, then loses a response after handling the call, then holds a call unanswered', async () => {
    const channel = fake.addChannel('news');
    const path = /^\/channels\/\d+\/messages$/;
    fake.failNext({ method: 'POST', path, after: 1, fault: { kind: 'lose-response' } });
    fake.failNext({ method: 'POST', path, after: 2, fault: { kind: 'hang' } });
    const post = (content: string, signal?: AbortSignal) => api('POST', `/channels/${channel.id}/messages`, { content }, true, signal);
    await expect(post('one')).resolves.toMatchObject({ status: 200 });
    await expect(post('two')).rejects.toThrow();
    await expect(post('three', AbortSignal.timeout(200))).rejects.toThrow();
    await expect(post('four')).resolves.toMatchObject({ status: 200 });
    // The lost answer's message exists; the held call was never handled.
    expect(fake.state.messagesIn(channel.id).map((m) => m.content)).toEqual(['one', 'two', 'four']);
    expect(fake.calls.map((c) => c.status)).toEqual([200, 0, 0, 200]);
  });

  it('rejects a first callback after the interaction deadline with Unknown interaction', async () => {
    const slow = await FakeDiscord.start({ interactionDeadlineMs: 0 });
    try {
      const channel = slow.addChannel('news');
      const sent = slow.interact({ kind: 'command', name: 'digest' }, { channel });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const res = await fetch(`${slow.apiUrl}/v10/interactions/${sent.id}/${sent.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 5 }),
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 10062 });
    } finally {
      await slow.close();
    }
  });
});
