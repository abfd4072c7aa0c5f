import { buildMessage, channelJson, editMessage, messageJson } from './channel-json.js';
import { invalidFormBody, messageErrors, type FieldError, type MessageBodyLike } from './message-rules.js';
import { snowflake, type FakeCommand, type FakeInteraction, type FakeState } from './state.js';

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown>;
}

export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface RestOptions {
  readonly gatewayUrl: string;
  /** How long an interaction token accepts its first callback (Discord: 3 s). */
  readonly interactionDeadlineMs: number;
  /** How long a nonce with enforce_nonce dedupes (Discord: "a few minutes"). */
  readonly nonceWindowMs: number;
}

type Handler = (state: FakeState, req: RouteRequest, options: RestOptions) => RouteResponse;

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** False for interaction callbacks and webhooks, which Discord authenticates by their token in the path. */
  readonly auth: boolean;
  readonly handle: Handler;
}

const ok = (body: unknown): RouteResponse => ({ status: 200, body });
const noContent: RouteResponse = { status: 204 };
const error = (status: number, code: number, message: string): RouteResponse => ({ status, body: { code, message } });
const unknownChannel = error(404, 10003, 'Unknown Channel');
const unknownMessage = error(404, 10008, 'Unknown Message');
const unknownInteraction = error(404, 10062, 'Unknown interaction');
const unknownWebhook = error(404, 10015, 'Unknown Webhook');

function invalid(body: MessageBodyLike, requireContent: boolean): RouteResponse | undefined {
  const errors = messageErrors(body, { requireContent });
  return errors.length === 0 ? undefined : { status: 400, body: invalidFormBody(errors) };
}

function overwriteCommands(state: FakeState, existing: FakeCommand[], body: unknown, guildId?: string): RouteResponse {
  if (!Array.isArray(body)) return { status: 400, body: invalidFormBody([{ path: [], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }]) };
  // Bulk overwrite is idempotent: a command keeps its id when a command with that name is sent again.
  const next = (body as Record<string, unknown>[]).map((definition) => {
    const name = String(definition.name);
    const previous = existing.find((c) => c.name === name);
    return { ...definition, id: previous?.id ?? snowflake(), application_id: state.applicationId, version: snowflake(), name, ...(guildId ? { guild_id: guildId } : {}) };
  });
  existing.splice(0, existing.length, ...next);
  return ok(next);
}

function interactionFor(state: FakeState, token: string): FakeInteraction | undefined {
  return state.interactions.get(token);
}

function callback(state: FakeState, req: RouteRequest, options: RestOptions): RouteResponse {
  const interaction = interactionFor(state, req.params.token!);
  if (!interaction || interaction.id !== req.params.id) return unknownInteraction;
  if (interaction.callback) return error(400, 40060, 'Interaction has already been acknowledged.');
  const at = performance.now();
  if (at - interaction.dispatchedAt > options.interactionDeadlineMs) return unknownInteraction;
  const type = Number(req.body.type);
  const data = req.body.data as Record<string, unknown> | undefined;
  if (type === 4 || type === 7) {
    const bad = invalid(data ?? {}, type === 4);
    if (bad) return bad;
  }
  if (type === 8) {
    const choices = (data?.choices ?? []) as { name?: unknown; value?: unknown }[];
    const errors: FieldError[] = [];
    if (choices.length > 25) errors.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    choices.forEach((c, i) => {
      const name = String(c.name ?? '');
      if (name.length < 1 || name.length > 100) errors.push({ path: ['data', 'choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
      if (String(c.value ?? '').length > 100) errors.push({ path: ['data', 'choices', i, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
    });
    if (errors.length > 0) return { status: 400, body: invalidFormBody(errors) };
  } else if (![4, 5, 6, 7].includes(type)) {
    return { status: 400, body: invalidFormBody([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of {4, 5, 6, 7, 8} (got ${type}).` }]) };
  }
  interaction.callback = { type, data, at };
  if (type === 4) {
    interaction.original = buildMessage(state, interaction.channelId, data ?? {}, { type: 20, webhookId: state.applicationId });
    if (((interaction.original.flags ?? 0) & 64) === 0) state.messages.get(interaction.channelId)?.push(interaction.original);
  } else if (type === 5) {
    interaction.original = buildMessage(state, interaction.channelId, { content: '', flags: data?.flags ?? 0 }, { type: 20, webhookId: state.applicationId });
  } else if (type === 7 && interaction.sourceMessage) {
    interaction.original = editMessage(interaction.sourceMessage, data ?? {});
    state.replaceMessage(interaction.original);
  }
  if (req.query.with_response !== 'true') return noContent;
  const resource = interaction.original ? { type, message: messageJson(interaction.original) } : { type };
  return ok({ interaction: { id: interaction.id, type: 2, response_message_loading: type === 5, response_message_ephemeral: false }, resource });
}

function editOriginal(state: FakeState, req: RouteRequest): RouteResponse {
  const interaction = interactionFor(state, req.params.token!);
  if (!interaction || state.applicationId !== req.params.app) return unknownWebhook;
  if (!interaction.callback || !interaction.original) return unknownMessage;
  const bad = invalid(req.body, false);
  if (bad) return bad;
  const firstEdit = interaction.original.content === '' && interaction.original.embeds.length === 0;
  interaction.original = editMessage(interaction.original, req.body);
  const visible = (interaction.original.flags & 64) === 0;
  if (firstEdit && visible) state.messages.get(interaction.channelId)?.push(interaction.original);
  else state.replaceMessage(interaction.original);
  return ok(messageJson(interaction.original));
}

function followUp(state: FakeState, req: RouteRequest): RouteResponse {
  const interaction = interactionFor(state, req.params.token!);
  if (!interaction || state.applicationId !== req.params.app) return unknownWebhook;
  if (!interaction.callback) return unknownWebhook;
  const bad = invalid(req.body, true);
  if (bad) return bad;
  const message = buildMessage(state, interaction.channelId, req.body, { webhookId: state.applicationId });
  interaction.followUps.push(message);
  if ((message.flags & 64) === 0) state.messages.get(interaction.channelId)?.push(message);
  return ok(messageJson(message));
}

function createMessage(state: FakeState, req: RouteRequest, options: RestOptions): RouteResponse {
  const channelId = req.params.channel!;
  if (!state.channels.has(channelId)) return unknownChannel;
  const bad = invalid(req.body, true);
  if (bad) return bad;
  const nonce = req.body.nonce === undefined ? undefined : `${channelId}:${String(req.body.nonce)}`;
  const now = Date.now();
  if (nonce && req.body.enforce_nonce === true) {
    const first = state.nonces.get(nonce);
    if (first && now - first.at <= options.nonceWindowMs) return ok(messageJson(first.message));
  }
  const message = buildMessage(state, channelId, req.body);
  state.messages.get(channelId)!.push(message);
  if (nonce) state.nonces.set(nonce, { message, at: now });
  return ok(messageJson(message));
}

function startThread(state: FakeState, req: RouteRequest): RouteResponse {
  const parent = state.channels.get(req.params.channel!);
  if (!parent) return unknownChannel;
  const message = state.messagesIn(parent.id).find((m) => m.id === req.params.message);
  if (!message) return unknownMessage;
  const name = typeof req.body.name === 'string' ? req.body.name : '';
  if (name.length < 1 || name.length > 100) {
    return { status: 400, body: invalidFormBody([{ path: ['name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }]) };
  }
  if (message.thread || state.channels.has(message.id)) return error(400, 160004, 'A thread has already been created for this message');
  const thread = state.addChannel(name, { id: message.id, type: 11, parent_id: parent.id, starter_message_id: message.id });
  state.replaceMessage({ ...message, thread });
  return { status: 201, body: channelJson(thread, state) };
}

function startStandaloneThread(state: FakeState, req: RouteRequest): RouteResponse {
  const parent = state.channels.get(req.params.channel!);
  if (!parent) return unknownChannel;
  const name = typeof req.body.name === 'string' ? req.body.name : '';
  if (name.length < 1 || name.length > 100) {
    return { status: 400, body: invalidFormBody([{ path: ['name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }]) };
  }
  const thread = state.addChannel(name, { type: 11, parent_id: parent.id });
  return { status: 201, body: channelJson(thread, state) };
}

function route(method: string, path: string, handle: Handler, auth = true): Route {
  const source = path.replace(/:(\w+)/g, (_, name: string) => `(?<${name}>[^/]+)`);
  return { method, pattern: new RegExp(`^${source}$`), auth, handle };
}

export const routes: readonly Route[] = [
  route('GET', '/gateway/bot', (_s, _r, o) => ok({ url: o.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } })),
  route('GET', '/gateway', (_s, _r, o) => ok({ url: o.gatewayUrl }), false),
  route('GET', '/users/@me', (s) => ok(s.bot)),
  route('GET', '/applications/@me', (s) => ok({ id: s.applicationId, name: 'Wirebrief', flags: 0, bot_public: true, owner: s.owner })),
  route('GET', '/applications/:app/commands', (s) => ok(s.globalCommands)),
  route('PUT', '/applications/:app/commands', (s, r) => overwriteCommands(s, s.globalCommands, r.body)),
  route('GET', '/applications/:app/guilds/:guild/commands', (s, r) => ok(s.guildCommands.get(r.params.guild!) ?? [])),
  route('PUT', '/applications/:app/guilds/:guild/commands', (s, r) => {
    const list = s.guildCommands.get(r.params.guild!) ?? [];
    s.guildCommands.set(r.params.guild!, list);
    return overwriteCommands(s, list, r.body, r.params.guild);
  }),
  route('POST', '/interactions/:id/:token/callback', callback, false),
  route('POST', '/webhooks/:app/:token', followUp, false),
  route('GET', '/webhooks/:app/:token/messages/@original', (s, r) => {
    const original = interactionFor(s, r.params.token!)?.original;
    return original ? ok(messageJson(original)) : unknownMessage;
  }, false),
  route('PATCH', '/webhooks/:app/:token/messages/@original', editOriginal, false),
  route('GET', '/channels/:channel', (s, r) => {
    const channel = s.channels.get(r.params.channel!);
    return channel ? ok(channelJson(channel, s)) : unknownChannel;
  }),
  route('POST', '/channels/:channel/messages', createMessage),
  route('GET', '/channels/:channel/messages/:message', (s, r) => {
    const message = s.messagesIn(r.params.channel!).find((m) => m.id === r.params.message);
    return message ? ok(messageJson(message)) : unknownMessage;
  }),
  route('GET', '/channels/:channel/messages', (s, r) => {
    if (!s.channels.has(r.params.channel!)) return unknownChannel;
    const limit = Math.min(Number(r.query.limit ?? 50), 100);
    return ok([...s.messagesIn(r.params.channel!)].reverse().slice(0, limit).map(messageJson));
  }),
  route('POST', '/channels/:channel/messages/:message/threads', startThread),
  route('POST', '/channels/:channel/threads', startStandaloneThread),
];
