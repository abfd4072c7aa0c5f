import { EventEmitter, once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { channelJson } from './channel-json.js';
import { roleJson } from './permissions.js';
import { snowflake, type FakeState } from './state.js';

export interface GatewayOptions {
  readonly url: string;
  readonly token: string;
  readonly heartbeatIntervalMs: number;
}

interface Dispatch {
  readonly s: number;
  readonly t: string;
  readonly d: unknown;
}

/**
 * The gateway side of the fake, speaking plain-JSON v10: HELLO, IDENTIFY -> READY + GUILD_CREATE,
 * heartbeats, RESUME with replay of what was dispatched while the client was away.
 */
export class FakeGateway extends EventEmitter {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #history: Dispatch[] = [];
  #socket: WebSocket | undefined;
  #sessionId: string | undefined;
  #seq = 0;
  readonly identifies: { readonly intents: number }[] = [];
  resumes = 0;
  heartbeats = 0;

  constructor(
    private readonly state: FakeState,
    private readonly options: GatewayOptions,
  ) {
    super();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
  }

  get connected(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** Sends an event now, or keeps it for the replay that follows a RESUME when no client is connected. */
  dispatch(t: string, d: unknown): void {
    const event = { s: ++this.#seq, t, d };
    this.#history.push(event);
    if (this.connected) this.#send({ op: 0, ...event });
  }

  /** Closes the socket as a network drop would (4000: unknown error), so the client resumes. */
  async drop(code = 4000): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = undefined;
    const closed = once(socket, 'close');
    socket.close(code, 'fake gateway drop');
    await closed;
  }

  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #send(payload: Record<string, unknown>): void {
    this.#socket?.send(JSON.stringify(payload));
  }

  #accept(ws: WebSocket): void {
    this.#socket?.terminate();
    this.#socket = ws;
    ws.on('message', (raw) => this.#onMessage(ws, raw));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
  }

  #onMessage(ws: WebSocket, raw: RawData): void {
    if (ws !== this.#socket) return;
    let payload: { op?: number; d?: Record<string, unknown> | null };
    try {
      payload = JSON.parse(raw.toString()) as typeof payload;
    } catch {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case 1:
        this.heartbeats += 1;
        this.#send({ op: 11, d: null, s: null, t: null });
        return;
      case 2:
        this.#identify(ws, payload.d ?? {});
        return;
      case 6:
        this.#resume(ws, payload.d ?? {});
        return;
      default:
        ws.close(4001, 'Unknown opcode.');
    }
  }

  #identify(ws: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.options.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    this.identifies.push({ intents: Number(d.intents) });
    this.#sessionId = snowflake();
    this.#history.length = 0;
    this.#seq = 0;
    const { state } = this;
    this.dispatch('READY', {
      v: 10,
      user: state.bot,
      guilds: [{ id: state.guildId, unavailable: true }],
      session_id: this.#sessionId,
      resume_gateway_url: this.options.url,
      shard: [0, 1],
      application: { id: state.applicationId, flags: 0 },
    });
    this.dispatch('GUILD_CREATE', guildJson(state));
    this.emit('ready');
  }

  #resume(ws: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.options.token || d.session_id !== this.#sessionId) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    this.resumes += 1;
    const after = Number(d.seq ?? 0);
    for (const event of this.#history.filter((e) => e.s > after)) this.#send({ op: 0, ...event });
    this.dispatch('RESUMED', {});
    this.emit('resumed');
  }
}

function guildJson(state: FakeState): Record<string, unknown> {
  const joinedAt = new Date().toISOString();
  return {
    id: state.guildId,
    name: 'Fake Newsroom',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: state.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    features: [],
    roles: [roleJson(state.everyoneRole), roleJson(state.botRole)],
    emojis: [],
    stickers: [],
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    members: [{ user: state.bot, roles: [state.botRole.id], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }],
    channels: [...state.channels.values()].filter((c) => c.type !== 11).map((c) => channelJson(c, state)),
    threads: [...state.channels.values()].filter((c) => c.type === 11).map((c) => channelJson(c, state)),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
