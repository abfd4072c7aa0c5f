import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';

describe('fake Slack Web API', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  beforeEach(async () => {
    fake = await FakeSlack.start();
    client = new webApi.WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 } });
  });
  afterEach(() => fake.close());

  it('answers auth.test for the bot token and refuses any other token', async () => {
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: fake.teamId });
    const stranger = new webApi.WebClient('xoxb-wrong', { slackApiUrl: fake.apiUrl });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('posts a valid message with metadata and finds it in history only when metadata is asked for', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'digest',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }],
      metadata: { event_type: 'wirebrief_digest', event_payload: { delivery_key: 'k1' } },
    });
    expect(posted.ts).toBeDefined();
    const withMeta = await client.conversations.history({ channel: 'C0GENERAL', include_all_metadata: true });
    expect(withMeta.messages?.[0]?.metadata?.event_payload).toEqual({ delivery_key: 'k1' });
    const plain = await client.conversations.history({ channel: 'C0GENERAL' });
    expect(plain.messages?.[0]?.metadata).toBeUndefined();
  });

  it('refuses messages that break Block Kit limits with the Slack error code', async () => {
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 't', blocks: Array.from({ length: 51 }, () => section('x')) })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 't', blocks: [section('x'.repeat(3001))] })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 't', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 't', blocks: Array.from({ length: 6 }, () => section('y'.repeat(2500))) })).rejects.toMatchObject({ data: { error: 'msg_blocks_too_long' } });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', blocks: [section('x')] } as never)).rejects.toMatchObject({ data: { error: 'no_text' } });
    expect(fake.messagesIn('C0GENERAL')).toHaveLength(0);
  });

  it('injects 429 with Retry-After, which the client waits out and retries', async () => {
    fake.failNext('chat.postMessage', { kind: 'rate_limited', retryAfter: 1 });
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'after the wait' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.outcome)).toEqual(['429', 'ok']);
    expect(fake.messagesIn('C0GENERAL')).toHaveLength(1);
  });

  it('injects 5xx and Slack error codes for the next N calls', async () => {
    fake.failNext('chat.postMessage', { kind: 'server_error', status: 503 });
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'retried' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.outcome)).toEqual(['503', 'ok']);
    fake.failNext('chat.postMessage', { kind: 'error', error: 'account_inactive' }, 2);
    for (let i = 0; i < 2; i++) await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toMatchObject({ data: { error: 'account_inactive' } });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('answers not_in_channel and channel_not_found from its own state', async () => {
    fake.addChannel('C0OUTSIDE', 'outside', false);
    await expect(client.chat.postMessage({ channel: 'C0OUTSIDE', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(client.chat.postMessage({ channel: 'C0NOPE', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('tells admins and owners apart in users.info', async () => {
    fake.addUser('UOWNER', { isOwner: true });
    await expect(client.users.info({ user: 'UADMIN' })).resolves.toMatchObject({ user: { is_admin: true, is_owner: false } });
    await expect(client.users.info({ user: 'UOWNER' })).resolves.toMatchObject({ user: { is_admin: false, is_owner: true } });
    await expect(client.users.info({ user: 'UMEMBER' })).resolves.toMatchObject({ user: { is_admin: false, is_owner: false } });
  });

  it('threads replies, updates messages and hands out permalinks', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'story' });
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'reply', thread_ts: parent.ts! });
    const thread = await client.conversations.replies({ channel: 'C0GENERAL', ts: parent.ts! });
    expect(thread.messages?.map((m) => m.text)).toEqual(['story', 'reply']);
    await client.chat.update({ channel: 'C0GENERAL', ts: parent.ts!, text: 'story (edited)' });
    expect(fake.messagesIn('C0GENERAL')[0]?.text).toBe('story (edited)');
    const link = await client.chat.getPermalink({ channel: 'C0GENERAL', message_ts: parent.ts! });
    expect(link.permalink).toContain('C0GENERAL');
  });

  it('accepts 5 posts to a response_url within 30 minutes, then answers 404 expired_url', async () => {
    const reached = fake.responsesReached(7);
    const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) });
    const five = fake.responseUrl();
    for (let i = 0; i < 5; i++) expect((await post(five)).status).toBe(200);
    const sixth = await post(five);
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toMatchObject({ error: 'expired_url' });

    const old = fake.responseUrl();
    fake.advance(30 * 60 * 1000 + 1);
    expect((await post(old)).status).toBe(404);
    await reached;
    expect(fake.responses.map((r) => r.accepted)).toEqual([true, true, true, true, true, false, false]);
  });
});
