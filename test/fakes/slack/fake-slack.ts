import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkMessage } from './block-kit-rules.js';

/**
 * A Slack Web API emulator on 127.0.0.1 speaking the wire protocol the real clients use (form or JSON
 * bodies, Bearer tokens, `{ ok, error }` answers, 429 + Retry-After). Tests point Bolt's WebClient at
 * `apiUrl` and payload `response_url`s at `responseUrl()`; every call is recorded for assertions.
 */
export type Injected =
  | { readonly kind: 'rate_limited'; readonly retryAfter: number }
  | { readonly kind: 'server_error'; readonly status: number }
  | { readonly kind: 'error'; readonly error: 'not_in_channel' | 'channel_not_found' | 'account_inactive' | (string & {}) };

export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** What the fake answered: ok, an error code, or the injected HTTP status. */
  readonly outcome: string;
}

export interface FakeMessage {
  readonly ts: string;
  readonly channel: string;
  text: string;
  blocks?: unknown[];
  readonly user: string;
  readonly bot_id?: string;
  readonly thread_ts?: string;
  readonly metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  isMember: boolean;
  /** A private channel: reading it takes groups:history where a public one takes channels:history. */
  readonly isPrivate: boolean;
  readonly messages: FakeMessage[];
}

export interface FakeUser {
  readonly id: string;
  readonly isAdmin: boolean;
  readonly isOwner: boolean;
}

export interface ResponsePost {
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly accepted: boolean;
}

/** The bot scopes the shipped manifest asks for: what a workspace grants when the app is installed from it. */
function manifestScopes(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../../slack-manifest.json', import.meta.url), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
  return manifest.oauth_config.scopes.bot;
}

const responseUrlUses = 5;
const responseUrlLifetimeMs = 30 * 60 * 1000;

export class FakeSlack {
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId = 'T0FAKE';
  readonly botUserId = 'UBOT';
  readonly botId = 'BBOT';
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly channels = new Map<string, FakeChannel>();
  readonly users = new Map<string, FakeUser>();
  /** The bot token's scopes (the manifest's unless a test installs with fewer); history reads check them. */
  readonly scopes = new Set(manifestScopes());
  /** Where apps.connections.open sends Socket Mode clients (a test's WebSocket server). */
  socketModeUrl: string | undefined;
  #clockMs = Date.UTC(2025, 11, 26, 8, 0, 0);
  #ts = 0;
  #responseIds = 0;
  readonly #responseUrls = new Map<string, { issuedAt: number; uses: number }>();
  readonly #injected = new Map<string, (Injected | undefined)[]>();
  readonly #responseWaiters: { readonly count: number; readonly resolve: () => void }[] = [];
  readonly #server: Server;

  private constructor(options: { botToken?: string; appToken?: string }) {
    this.botToken = options.botToken ?? 'xoxb-fake-bot-token';
    this.appToken = options.appToken ?? 'xapp-fake-app-token';
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  }

  static async start(options: { botToken?: string; appToken?: string } = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    fake.#server.listen(0, '127.0.0.1');
    await once(fake.#server, 'listening');
    fake.addChannel('C0GENERAL', 'general');
    fake.addUser('UADMIN', { isAdmin: true });
    fake.addUser('UMEMBER');
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** For `clientOptions.slackApiUrl` (the trailing slash matters to the WebClient). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  addChannel(id: string, name: string, isMember = true, isPrivate = false): FakeChannel {
    const channel: FakeChannel = { id, name, isMember, isPrivate, messages: [] };
    this.channels.set(id, channel);
    return channel;
  }

  addUser(id: string, roles: { isAdmin?: boolean; isOwner?: boolean } = {}): void {
    this.users.set(id, { id, isAdmin: roles.isAdmin ?? false, isOwner: roles.isOwner ?? false });
  }

  /** The next `times` calls of `method` (after `skip` calls that go through) answer with `failure` instead of doing the work. */
  failNext(method: string, failure: Injected, times = 1, skip = 0): void {
    const queue = [...(this.#injected.get(method) ?? []), ...Array<undefined>(skip).fill(undefined), ...Array<Injected>(times).fill(failure)];
    this.#injected.set(method, queue);
  }

  /** A fresh response_url, as Slack puts in every slash command and interaction payload. */
  responseUrl(): string {
    const id = `r${++this.#responseIds}`;
    this.#responseUrls.set(id, { issuedAt: this.#clockMs, uses: 0 });
    return `${this.url}/response/${id}`;
  }

  /** Moves the fake's clock (response_url expiry) without waiting. */
  advance(ms: number): void {
    this.#clockMs += ms;
  }

  /** Resolves once `count` posts have reached response_urls (the benchmark waits on this without polling). */
  responsesReached(count: number): Promise<void> {
    if (this.responses.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#responseWaiters.push({ count, resolve }));
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  messagesIn(channel: string): FakeMessage[] {
    return this.channels.get(channel)?.messages ?? [];
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', this.url).pathname;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    if (path.startsWith('/response/')) {
      const [status, body] = this.#respond(path.slice('/response/'.length), parseBody(req, raw));
      send(status, body);
      return;
    }
    if (!path.startsWith('/api/') || req.method !== 'POST') {
      send(404, { ok: false, error: 'unknown_method' });
      return;
    }
    const method = path.slice('/api/'.length);
    const args = parseBody(req, raw);
    const record = (outcome: string) => this.calls.push({ method, args, outcome });
    const injected = this.#injected.get(method)?.shift();
    if (injected?.kind === 'rate_limited') {
      record('429');
      send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(injected.retryAfter) });
      return;
    }
    if (injected?.kind === 'server_error') {
      record(String(injected.status));
      send(injected.status, { ok: false, error: 'internal_error' });
      return;
    }
    const token = bearer(req) ?? (typeof args.token === 'string' ? args.token : undefined);
    const expected = method === 'apps.connections.open' ? this.appToken : this.botToken;
    const answer = token === undefined ? { ok: false, error: 'not_authed' } : token !== expected ? { ok: false, error: 'invalid_auth' } : injected ? { ok: false, error: injected.error } : this.#call(method, args);
    record(answer.ok ? 'ok' : String(answer.error));
    send(200, answer);
  }

  #call(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? this.channels.get(args.channel) : undefined;
    const str = (key: string) => (typeof args[key] === 'string' ? (args[key] as string) : undefined);
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', team_id: this.teamId, user: 'wirebrief', user_id: this.botUserId, bot_id: this.botId };
      case 'apps.connections.open':
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: 'internal_error' };
      case 'users.info': {
        const user = this.users.get(str('user') ?? '');
        return user ? { ok: true, user: { id: user.id, team_id: this.teamId, is_admin: user.isAdmin, is_owner: user.isOwner } } : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.info':
        return channel ? { ok: true, channel: { id: channel.id, name: channel.name, is_channel: true, is_member: channel.isMember } } : { ok: false, error: 'channel_not_found' };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!channel.isMember) return { ok: false, error: 'not_in_channel' };
        const invalid = checkMessage(args);
        if (invalid) return { ok: false, error: invalid };
        if (method === 'chat.postEphemeral') {
          if (!this.users.has(str('user') ?? '')) return { ok: false, error: 'user_not_in_channel' };
          return { ok: true, message_ts: this.#nextTs() };
        }
        const threadTs = str('thread_ts');
        if (threadTs !== undefined && !channel.messages.some((m) => m.ts === threadTs)) return { ok: false, error: 'thread_not_found' };
        const message: FakeMessage = {
          ts: this.#nextTs(),
          channel: channel.id,
          text: str('text') ?? '',
          ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
          user: this.botUserId,
          bot_id: this.botId,
          ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
          ...(isMetadata(args.metadata) ? { metadata: args.metadata } : {}),
        };
        channel.messages.push(message);
        return { ok: true, channel: channel.id, ts: message.ts, message };
      }
      case 'chat.update': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const message = channel.messages.find((m) => m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        const invalid = checkMessage(args);
        if (invalid) return { ok: false, error: invalid };
        message.text = str('text') ?? message.text;
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        return { ok: true, channel: channel.id, ts: message.ts, text: message.text };
      }
      case 'chat.getPermalink': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const ts = str('message_ts') ?? '';
        if (!channel.messages.some((m) => m.ts === ts)) return { ok: false, error: 'message_not_found' };
        return { ok: true, channel: channel.id, permalink: `https://fake.slack.test/archives/${channel.id}/p${ts.replace('.', '')}` };
      }
      case 'conversations.history': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const refused = this.#historyScope(channel);
        if (refused) return refused;
        if (!channel.isMember) return { ok: false, error: 'not_in_channel' };
        const limit = Math.min(Number(args.limit ?? 100) || 100, 999);
        // Slack returns metadata only when asked, so a lookup that forgets the flag finds nothing here too.
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const top = channel.messages.filter((m) => m.thread_ts === undefined).reverse().slice(0, limit);
        return { ok: true, has_more: false, messages: top.map((m) => (withMeta ? m : withoutMetadata(m))) };
      }
      case 'conversations.replies': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const refused = this.#historyScope(channel);
        if (refused) return refused;
        const ts = str('ts') ?? '';
        const parent = channel.messages.find((m) => m.ts === ts);
        if (!parent) return { ok: false, error: 'thread_not_found' };
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const thread = [parent, ...channel.messages.filter((m) => m.thread_ts === ts)];
        return { ok: true, has_more: false, messages: thread.map((m) => (withMeta ? m : withoutMetadata(m))) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  #respond(id: string, body: Record<string, unknown>): [number, unknown] {
    const url = this.#responseUrls.get(id);
    const live = url !== undefined && url.uses < responseUrlUses && this.#clockMs - url.issuedAt <= responseUrlLifetimeMs;
    const invalid = live ? checkMessage(body) : undefined;
    this.responses.push({ id, body, accepted: live && invalid === undefined });
    for (const waiter of this.#responseWaiters.filter((w) => w.count <= this.responses.length)) {
      this.#responseWaiters.splice(this.#responseWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    if (!live) return [404, { ok: false, error: 'expired_url' }];
    url.uses++;
    return invalid ? [400, { ok: false, error: invalid }] : [200, { ok: true }];
  }

  /** Slack's answer when the token may not read this kind of channel: the scope needed and the ones it has. */
  #historyScope(channel: FakeChannel): Record<string, unknown> | undefined {
    const needed = channel.isPrivate ? 'groups:history' : 'channels:history';
    return this.scopes.has(needed) ? undefined : { ok: false, error: 'missing_scope', needed, provided: [...this.scopes].join(',') };
  }

    #nextTs(): string {
    this.#ts++;
    return `${Math.floor(this.#clockMs / 1000)}.${String(this.#ts).padStart(6, '0')}`;
  }
}

function isMetadata(value: unknown): value is FakeMessage['metadata'] {
  return typeof value === 'object' && value !== null && typeof (value as { event_type?: unknown }).event_type === 'string';
}

function withoutMetadata(message: FakeMessage): Omit<FakeMessage, 'metadata'> {
  const { metadata: _metadata, ...rest } = message;
  return rest;
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The WebClient form-encodes and JSON-stringifies object arguments (blocks, metadata); decode both ways. */
function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  if (raw === '') return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
