import { botBits, memberBits, type FakeRole } from './permissions.js';

/** What the fake Discord remembers: its guild, channels, messages, threads, commands and open interactions. */
export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly discriminator: string;
  readonly global_name: string | null;
  readonly avatar: null;
  readonly bot?: boolean;
}

export interface FakeChannel {
  readonly id: string;
  readonly type: number;
  readonly name: string;
  readonly guild_id: string;
  readonly parent_id?: string;
  /** For a thread started from a message: that message's id (Discord reuses it as the thread id). */
  readonly starter_message_id?: string;
}

export interface FakeMessage {
  readonly id: string;
  readonly channel_id: string;
  readonly type: 0 | 19 | 20;
  readonly content: string;
  readonly embeds: readonly unknown[];
  readonly components: readonly unknown[];
  readonly author: FakeUser;
  readonly timestamp: string;
  readonly edited_timestamp: string | null;
  readonly tts: false;
  readonly mention_everyone: boolean;
  readonly mentions: readonly FakeUser[];
  readonly mention_roles: readonly string[];
  readonly attachments: readonly unknown[];
  readonly pinned: false;
  readonly flags: number;
  readonly nonce?: string;
  readonly webhook_id?: string;
  readonly thread?: FakeChannel;
  /** The raw body we were sent, kept for assertions (allowed_mentions, enforce_nonce, ...). */
  readonly sent: Record<string, unknown>;
}

export interface FakeInteraction {
  readonly id: string;
  readonly token: string;
  readonly channelId: string;
  /** performance.now() when INTERACTION_CREATE was dispatched. */
  readonly dispatchedAt: number;
  /** The callback (type 4/5/6/7/8/9) Discord received, once. */
  callback?: { readonly type: number; readonly data: Record<string, unknown> | undefined; readonly at: number };
  /** The interaction's original response message (type 4, or the edit after a type 5). */
  original?: FakeMessage;
  readonly followUps: FakeMessage[];
  /** The message a component lives on, which a type 7 callback edits. */
  readonly sourceMessage?: FakeMessage;
}

export interface RecordedCall {
  readonly method: string;
  /** Path below /api/v10, e.g. "/channels/123/messages". */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  /** 0 when no answer reached the client (a `hang` or `lose-response` fault). */
  readonly status: number;
  readonly at: number;
}

export interface FakeCommand {
  readonly id: string;
  readonly application_id: string;
  readonly guild_id?: string;
  readonly version: string;
  readonly name: string;
  readonly [key: string]: unknown;
}

const discordEpoch = 1420070400000n;
let increment = 0n;

/** Real-shaped snowflakes: discord.js reads creation times out of ids. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - discordEpoch) << 22n) | increment).toString();
}

export function fakeUser(id: string, username: string, bot = false): FakeUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

export class FakeState {
  readonly guildId = snowflake();
  readonly ownerId = snowflake();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage[]>();
  readonly interactions = new Map<string, FakeInteraction>();
  readonly globalCommands: FakeCommand[] = [];
  readonly guildCommands = new Map<string, FakeCommand[]>();
  readonly calls: RecordedCall[] = [];
  /** `${channelId}:${nonce}` -> first message and when it was created (ms). */
  readonly nonces = new Map<string, { readonly message: FakeMessage; readonly at: number }>();
  readonly bot: FakeUser;
  readonly owner: FakeUser;
  readonly everyoneRole: FakeRole;
  readonly botRole: FakeRole;

  constructor(readonly applicationId: string) {
    this.bot = fakeUser(applicationId, 'Wirebrief', true);
    this.owner = fakeUser(this.ownerId, 'admin');
    this.everyoneRole = { id: this.guildId, name: '@everyone', permissions: memberBits, position: 0 };
    this.botRole = { id: snowflake(), name: 'Wirebrief', permissions: botBits, position: 1 };
  }

  addChannel(name: string, extra: Partial<FakeChannel> = {}): FakeChannel {
    const channel: FakeChannel = { id: snowflake(), type: 0, name, guild_id: this.guildId, ...extra };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    return channel;
  }

  messagesIn(channelId: string): readonly FakeMessage[] {
    return this.messages.get(channelId) ?? [];
  }

  findMessage(messageId: string): FakeMessage | undefined {
    for (const list of this.messages.values()) {
      const found = list.find((m) => m.id === messageId);
      if (found) return found;
    }
    return undefined;
  }

  replaceMessage(next: FakeMessage): void {
    const list = this.messages.get(next.channel_id);
    const i = list?.findIndex((m) => m.id === next.id) ?? -1;
    if (list && i >= 0) list[i] = next;
  }
}
