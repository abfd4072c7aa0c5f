import { createHmac } from 'node:crypto';

/**
 * Sends requests to a Bolt HTTP receiver exactly as Slack does: the raw body signed with
 * `v0=` HMAC-SHA256 over `v0:{timestamp}:{body}`, plus `X-Slack-Request-Timestamp`.
 */
export interface SignOptions {
  readonly signingSecret: string;
  /** Seconds since the epoch; defaults to now. A value 6 minutes old must be refused by the receiver. */
  readonly timestamp?: number;
  /** Replaces the computed signature (forgery tests). */
  readonly signature?: string;
}

export interface SlackHttpAnswer {
  readonly status: number;
  readonly body: string;
}

export function signature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function sendSigned(url: string, body: string, contentType: string, options: SignOptions): Promise<SlackHttpAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(options.signingSecret, timestamp, body),
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

export interface SlashCommand {
  readonly command: string;
  readonly text: string;
  readonly userId: string;
  readonly channelId: string;
  readonly teamId: string;
  readonly responseUrl: string;
}

export function slashCommandBody(c: SlashCommand): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: c.teamId,
    team_domain: 'fake',
    channel_id: c.channelId,
    channel_name: 'general',
    user_id: c.userId,
    user_name: c.userId.toLowerCase(),
    command: c.command,
    text: c.text,
    api_app_id: 'AFAKE',
    is_enterprise_install: 'false',
    response_url: c.responseUrl,
    trigger_id: `trig.${Date.now()}`,
  }).toString();
}

export const formContentType = 'application/x-www-form-urlencoded';

/** Interactions (block_actions, message_action shortcuts) arrive form-encoded as one `payload` JSON field. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface ButtonPress {
  readonly actionId: string;
  readonly value: string;
  readonly userId: string;
  readonly channelId: string;
  readonly teamId: string;
  readonly responseUrl: string;
  /** The message carrying the button (its ts, and thread_ts when it sits in a thread). */
  readonly messageTs: string;
  readonly threadTs?: string;
}

export function blockActionsPayload(b: ButtonPress): Record<string, unknown> {
  return {
    type: 'block_actions',
    api_app_id: 'AFAKE',
    token: 'deprecated-verification-token',
    trigger_id: `trig.${Date.now()}`,
    team: { id: b.teamId, domain: 'fake' },
    user: { id: b.userId, username: b.userId.toLowerCase(), team_id: b.teamId },
    channel: { id: b.channelId, name: 'general' },
    container: { type: 'message', message_ts: b.messageTs, channel_id: b.channelId, is_ephemeral: false, ...(b.threadTs ? { thread_ts: b.threadTs } : {}) },
    message: { type: 'message', ts: b.messageTs, text: '', ...(b.threadTs ? { thread_ts: b.threadTs } : {}) },
    response_url: b.responseUrl,
    actions: [{ type: 'button', action_id: b.actionId, block_id: 'b', value: b.value, text: { type: 'plain_text', text: 'x' }, action_ts: `${Date.now() / 1000}` }],
  };
}

export interface MessageShortcut {
  readonly callbackId: string;
  readonly userId: string;
  readonly channelId: string;
  readonly teamId: string;
  readonly responseUrl: string;
  readonly message: { readonly ts: string; readonly text: string; readonly thread_ts?: string };
}

export function messageShortcutPayload(s: MessageShortcut): Record<string, unknown> {
  return {
    type: 'message_action',
    callback_id: s.callbackId,
    token: 'deprecated-verification-token',
    trigger_id: `trig.${Date.now()}`,
    action_ts: `${Date.now() / 1000}`,
    team: { id: s.teamId, domain: 'fake' },
    user: { id: s.userId, name: s.userId.toLowerCase(), team_id: s.teamId },
    channel: { id: s.channelId, name: 'general' },
    message_ts: s.message.ts,
    message: { type: 'message', user: 'UBOT', ...s.message },
    response_url: s.responseUrl,
  };
}

export interface Mention {
  readonly text: string;
  readonly userId: string;
  readonly channelId: string;
  readonly teamId: string;
  readonly ts: string;
  readonly threadTs?: string;
}

/** An Events API callback carrying `app_mention` (JSON body). */
export function appMentionBody(m: Mention): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: m.teamId,
    api_app_id: 'AFAKE',
    type: 'event_callback',
    event_id: `Ev${m.ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: m.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'app_mention',
      user: m.userId,
      text: m.text,
      ts: m.ts,
      channel: m.channelId,
      event_ts: m.ts,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    },
  });
}
