import { channelJson, messageJson } from './channel-json.js';
import { memberBits, permission } from './permissions.js';
import { fakeUser, snowflake, type FakeChannel, type FakeMessage, type FakeState } from './state.js';

export type OptionValue = string | number | boolean;

export interface InteractionContext {
  readonly channel: FakeChannel;
  /** "admin" has Manage Server; "member" does not. */
  readonly as?: 'admin' | 'member';
  /** Overrides app_permissions, e.g. to take Send Messages away from the bot. */
  readonly appPermissions?: bigint;
}

export type InteractionSpec =
  | { readonly kind: 'command'; readonly name: string; readonly subcommand?: string; readonly options?: Readonly<Record<string, OptionValue>> }
  | { readonly kind: 'autocomplete'; readonly name: string; readonly subcommand?: string; readonly focused: string; readonly value: string; readonly options?: Readonly<Record<string, OptionValue>> }
  | { readonly kind: 'button'; readonly customId: string; readonly message: FakeMessage };

const optionType = (value: OptionValue): number => (typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : Number.isInteger(value) ? 4 : 10);

function options(values: Readonly<Record<string, OptionValue>> = {}, focused?: { name: string; value: string }) {
  const list: Record<string, unknown>[] = Object.entries(values).map(([name, value]) => ({ name, type: optionType(value), value }));
  if (focused) list.push({ name: focused.name, type: 3, value: focused.value, focused: true });
  return list;
}

function commandData(state: FakeState, spec: Extract<InteractionSpec, { kind: 'command' | 'autocomplete' }>): Record<string, unknown> {
  const focused = spec.kind === 'autocomplete' ? { name: spec.focused, value: spec.value } : undefined;
  const leaf = options(spec.options, focused);
  const registered = [...state.globalCommands, ...(state.guildCommands.get(state.guildId) ?? [])].find((c) => c.name === spec.name);
  return {
    id: registered?.id ?? snowflake(),
    name: spec.name,
    type: 1,
    guild_id: state.guildId,
    options: spec.subcommand ? [{ name: spec.subcommand, type: 1, options: leaf }] : leaf,
  };
}

/** An INTERACTION_CREATE body as Discord sends it to a bot in a guild channel. */
export function interactionPayload(state: FakeState, spec: InteractionSpec, context: InteractionContext): { readonly payload: Record<string, unknown>; readonly id: string; readonly token: string } {
  const id = snowflake();
  const token = `itoken-${id}-${Math.random().toString(36).slice(2)}`;
  const admin = context.as === 'admin';
  const user = admin ? state.owner : fakeUser('200000000000000001', 'reader');
  const common = {
    id,
    token,
    application_id: state.applicationId,
    version: 1,
    guild_id: state.guildId,
    channel_id: context.channel.id,
    channel: channelJson(context.channel, state),
    member: {
      user,
      roles: [],
      permissions: String(admin ? memberBits | permission.manageGuild : memberBits),
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
    },
    app_permissions: String(context.appPermissions ?? state.botRole.permissions),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': state.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
  switch (spec.kind) {
    case 'command':
      return { id, token, payload: { ...common, type: 2, data: commandData(state, spec) } };
    case 'autocomplete':
      return { id, token, payload: { ...common, type: 4, data: commandData(state, spec) } };
    case 'button':
      return { id, token, payload: { ...common, type: 3, message: messageJson(spec.message), data: { custom_id: spec.customId, component_type: 2 } } };
  }
}
