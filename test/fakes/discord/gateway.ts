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

/** One identified gateway session: its own sequence and history, so it can RESUME on a new socket. */
interface Session {
  readonly id: string;
  /** [shard id, shard count] as identified; [0, 1] without sharding. */
  readonly shard: readonly [number, number];
  socket: WebSocket | undefined;
  seq: number;
  readonly history: Dispatch[];
}

/**
 * The gateway side of the fake, speaking plain-JSON v10: HELLO, IDENTIFY -> READY + GUILD_CREATE,
 * heartbeats, RESUME with replay of what was dispatched while the client was away. As on Discord, several
 * sessions may be open at once (several processes, or the shards of a ShardingManager); the guild's events go
 * to every session of the shard that holds it, (guild_id >> 22) % shard_count.
 */
export class FakeGateway extends EventEmitter {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
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
    return [...this.#sessions.values()].some((session) => session.socket?.readyState === WebSocket.OPEN);
  }

  /** Sends a guild event now, or keeps it for the replay that follows a RESUME of a session that is away. */
  dispatch(t: string, d: unknown): void {
    for (const session of this.#sessions.values()) if (this.#holdsGuild(session)) this.#dispatchTo(session, t, d);
  }

  /** Closes every session's socket as a network drop would (4000: unknown error), so the clients resume. */
  async drop(code = 4000): Promise<void> {
    await Promise.all(
      [...this.#sessions.values()].map(async (session) => {
        const socket = session.socket;
        if (!socket) return;
        session.socket = undefined;
        const closed = once(socket, 'close');
        socket.close(code, 'fake gateway drop');
        await closed;
      }),
    );
  }

  async close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #holdsGuild(session: Session): boolean {
    const [id, count] = session.shard;
    return Number((BigInt(this.state.guildId) >> 22n) % BigInt(count)) === id;
  }

  #dispatchTo(session: Session, t: string, d: unknown): void {
    const event = { s: ++session.seq, t, d };
    session.history.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify({ op: 0, ...event }));
  }

  #accept(ws: WebSocket): void {
    ws.on('message', (raw) => this.#onMessage(ws, raw));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
  }

  #onMessage(ws: WebSocket, raw: RawData): void {
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
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
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
    const shard = Array.isArray(d.shard) ? ([Number(d.shard[0]), Number(d.shard[1])] as const) : ([0, 1] as const);
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      ws.close(4010, 'Invalid shard.');
      return;
    }
    this.identifies.push({ intents: Number(d.intents) });
    const session: Session = { id: snowflake(), shard, socket: ws, seq: 0, history: [] };
    this.#sessions.set(session.id, session);
    ws.once('close', () => {
      if (session.socket === ws) session.socket = undefined;
    });
    const { state } = this;
    const holds = this.#holdsGuild(session);
    this.#dispatchTo(session, 'READY', {
      v: 10,
      user: state.bot,
      guilds: holds ? [{ id: state.guildId, unavailable: true }] : [],
      session_id: session.id,
      resume_gateway_url: this.options.url,
      shard,
      application: { id: state.applicationId, flags: 0 },
    });
    if (holds) this.#dispatchTo(session, 'GUILD_CREATE', guildJson(state));
    this.emit('ready');
  }

  #resume(ws: WebSocket, d: Record<string, unknown>): void {
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    if (d.token !== this.options.token || !session) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    if (session.socket !== ws) session.socket?.terminate();
    session.socket = ws;
    ws.once('close', () => {
      if (session.socket === ws) session.socket = undefined;
    });
    this.resumes += 1;
    const after = Number(d.seq ?? 0);
    for (const event of session.history.filter((e) => e.s > after)) ws.send(JSON.stringify({ op: 0, ...event }));
    this.#dispatchTo(session, 'RESUMED', {});
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
