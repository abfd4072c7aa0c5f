import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, respond, type FaultRule } from './faults.js';
import { FakeGateway } from './gateway.js';
import { roleJson } from './permissions.js';
import { interactionPayload, type InteractionContext, type InteractionSpec } from './interaction-payloads.js';
import { routes, type RestOptions } from './rest-routes.js';
import { FakeState, snowflake, type FakeChannel, type FakeInteraction, type RecordedCall } from './state.js';

export interface FakeDiscordOptions {
  readonly token?: string;
  readonly applicationId?: string;
  /** Discord accepts an interaction's first callback for 3 s; tests of deferral may shorten it. */
  readonly interactionDeadlineMs?: number;
  readonly nonceWindowMs?: number;
  readonly heartbeatIntervalMs?: number;
}

/**
 * A Discord stand-in on 127.0.0.1 speaking the real wire protocol (REST under /api/v10 and a JSON
 * gateway), so a real discord.js Client can log in, receive interactions and post messages against it.
 */
export class FakeDiscord {
  readonly state: FakeState;
  readonly gateway: FakeGateway;
  readonly faults = new FaultPlan();
  readonly token: string;
  /** Pass as `rest: { api }` to discord.js. */
  readonly apiUrl: string;
  readonly #changes = new EventEmitter();
  /** Calls a `hang` fault holds open, unanswered. */
  readonly #held = new Set<ServerResponse>();

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    private readonly rest: RestOptions,
    options: FakeDiscordOptions,
    port: number,
  ) {
    this.token = options.token ?? 'fake-bot-token';
    this.state = new FakeState(options.applicationId ?? snowflake());
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gateway = new FakeGateway(this.state, { url: rest.gatewayUrl, token: this.token, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250 });
    this.gateway.on('ready', () => this.#changes.emit('change'));
    this.gateway.on('resumed', () => this.#changes.emit('change'));
    this.#changes.setMaxListeners(0);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const rest: RestOptions = {
      gatewayUrl: `ws://127.0.0.1:${port}/gateway`,
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
    };
    const fake = new FakeDiscord(server, rest, options, port);
    server.on('request', (req, res) => void fake.#serve(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://x').pathname === '/gateway') fake.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    return fake;
  }

  get applicationId(): string {
    return this.state.applicationId;
  }

  get guildId(): string {
    return this.state.guildId;
  }

  get calls(): readonly RecordedCall[] {
    return this.state.calls;
  }

  addChannel(name: string): FakeChannel {
    return this.state.addChannel(name);
  }

  /**
   * Changes what @everyone and the bot's role grant (the bot has both), and tells connected clients with
   * GUILD_ROLE_UPDATE as Discord does.
   */
  setRolePermissions(bits: { readonly everyone?: bigint; readonly bot?: bigint }): void {
    for (const [role, value] of [[this.state.everyoneRole, bits.everyone], [this.state.botRole, bits.bot]] as const) {
      if (value === undefined) continue;
      role.permissions = value;
      this.gateway.dispatch('GUILD_ROLE_UPDATE', { guild_id: this.guildId, role: roleJson(role) });
    }
  }

  /** Arms a failure for the next `times` (default 1) calls matching method and path. */
  failNext(rule: FaultRule): void {
    this.faults.add(rule);
  }

  /** Dispatches INTERACTION_CREATE and returns the record its callback and edits will land in. */
  interact(spec: InteractionSpec, context: InteractionContext): FakeInteraction {
    const { payload, id, token } = interactionPayload(this.state, spec, context);
    const interaction: FakeInteraction = {
      id,
      token,
      channelId: context.channel.id,
      dispatchedAt: performance.now(),
      followUps: [],
      ...(spec.kind === 'button' ? { sourceMessage: spec.message } : {}),
    };
    this.state.interactions.set(token, interaction);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return interaction;
  }

  /**
   * Resolves with the first truthy value of `check`, re-evaluated after every REST call and gateway event,
   * and every few milliseconds for state that lives in the client under test.
   */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.#changes.off('change', onChange);
      };
      const onChange = () => {
        const value = check();
        if (!value) return;
        stop();
        resolve(value);
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const poll = setInterval(onChange, 5);
      this.#changes.on('change', onChange);
    });
  }

  /** Ends the connections of the calls held unanswered, as the connections of a process that died end. */
  dropHeld(): void {
    for (const res of this.#held) res.socket?.destroy();
    this.#held.clear();
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw === '' ? {} : JSON.parse(raw);
    } catch {
      return this.#answer(res, { method, path, query: {}, body: raw, status: 400, at: performance.now() }, { code: 50109, message: 'The request body contains invalid JSON.' });
    }
    const query = Object.fromEntries(url.searchParams);
    const record = (status: number): RecordedCall => ({ method, path, query, body, status, at: performance.now() });
    const match = routes.map((r) => ({ r, m: r.method === method ? r.pattern.exec(path) : null })).find((x) => x.m);
    if (!match) return this.#answer(res, record(404), { code: 0, message: '404: Not Found' });
    if (match.r.auth && req.headers.authorization !== `Bot ${this.token}`) return this.#answer(res, record(401), { code: 0, message: '401: Unauthorized' });
    const fault = this.faults.take(method, path);
    // Recorded with status 0: no answer reaches the client. A held request stays open until close().
    if (fault?.kind === 'hang') {
      this.#held.add(res);
      return this.#record(record(0));
    }
    if (fault && fault.kind !== 'lose-response') {
      const answer = respond(fault);
      return this.#answer(res, record(answer.status), answer.body, answer.headers);
    }
    const result = match.r.handle(this.state, { params: match.m!.groups ?? {}, query, body: body as Record<string, unknown> }, this.rest);
    if (fault?.kind === 'lose-response') {
      res.socket?.destroy();
      return this.#record(record(0));
    }
    this.#answer(res, record(result.status), result.body);
  }

  #record(call: RecordedCall): void {
    this.state.calls.push(call);
    this.#changes.emit('change');
  }

  #answer(res: ServerResponse, call: RecordedCall, body: unknown, headers: Record<string, string> = {}): void {
    if (body === undefined) res.writeHead(call.status, headers).end();
    else res.writeHead(call.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    this.#record(call);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
