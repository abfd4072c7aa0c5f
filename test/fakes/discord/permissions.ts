/** Permission bits (Discord's values) the fake hands out. */
export const permission = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  readMessageHistory: 1n << 16n,
  manageGuild: 1n << 5n,
  createPublicThreads: 1n << 35n,
  sendMessagesInThreads: 1n << 38n,
} as const;

/** What @everyone may do in the fake guild. */
export const memberBits = permission.viewChannel | permission.sendMessages | permission.readMessageHistory | permission.sendMessagesInThreads;
/** What the bot's role grants when invited with the permissions Wirebrief asks for. */
export const botBits = memberBits | permission.embedLinks | permission.createPublicThreads;

export interface FakeRole {
  readonly id: string;
  readonly name: string;
  permissions: bigint;
  readonly position: number;
}

export function roleJson(role: FakeRole): Record<string, unknown> {
  return { id: role.id, name: role.name, permissions: role.permissions.toString(), position: role.position, color: 0, hoist: false, managed: role.position > 0, mentionable: false, flags: 0 };
}
