import type { FakeChannel, FakeMessage, FakeState, FakeUser } from './state.js';
import { snowflake } from './state.js';
import { mentionsOf } from './message-rules.js';

/** Channel objects as the REST API and gateway return them (threads carry thread_metadata). */
export function channelJson(channel: FakeChannel, state: FakeState): Record<string, unknown> {
  const base = {
    id: channel.id,
    type: channel.type,
    name: channel.name,
    guild_id: channel.guild_id,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    rate_limit_per_user: 0,
    last_message_id: state.messagesIn(channel.id).at(-1)?.id ?? null,
    parent_id: channel.parent_id ?? null,
  };
  if (channel.type !== 11) return base;
  return {
    ...base,
    owner_id: state.bot.id,
    member_count: 1,
    message_count: state.messagesIn(channel.id).length,
    total_message_sent: state.messagesIn(channel.id).length,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
  };
}

/** Builds a stored message from a create body, computing what Discord would actually ping. */
export function buildMessage(
  state: FakeState,
  channelId: string,
  body: Record<string, unknown>,
  extra: { readonly author?: FakeUser; readonly webhookId?: string; readonly type?: FakeMessage['type'] } = {},
): FakeMessage {
  const pings = mentionsOf(body as Parameters<typeof mentionsOf>[0]);
  const nonce = body.nonce === undefined ? undefined : String(body.nonce);
  return {
    id: snowflake(),
    channel_id: channelId,
    type: extra.type ?? 0,
    content: typeof body.content === 'string' ? body.content : '',
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    author: extra.author ?? state.bot,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: pings.everyone,
    mentions: pings.users.map((id) => ({ id, username: `user${id}`, discriminator: '0', global_name: null, avatar: null })),
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...(nonce === undefined ? {} : { nonce }),
    ...(extra.webhookId ? { webhook_id: extra.webhookId } : {}),
    sent: body,
  };
}

/** An edit keeps identity and replaces only the fields the body names, as PATCH does. */
export function editMessage(message: FakeMessage, body: Record<string, unknown>): FakeMessage {
  const merged = { ...message.sent, ...body };
  const pings = mentionsOf(merged as Parameters<typeof mentionsOf>[0]);
  return {
    ...message,
    content: typeof merged.content === 'string' ? merged.content : '',
    embeds: Array.isArray(merged.embeds) ? merged.embeds : [],
    components: Array.isArray(merged.components) ? merged.components : [],
    flags: typeof merged.flags === 'number' ? merged.flags : message.flags,
    edited_timestamp: new Date().toISOString(),
    mention_everyone: pings.everyone,
    sent: merged,
  };
}

export function messageJson(message: FakeMessage): Record<string, unknown> {
  const { sent: _sent, ...wire } = message;
  return wire;
}
