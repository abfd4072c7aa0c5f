import { PermissionFlagsBits, Routes, type APIMessage, type Client } from 'discord.js';
import type { ChannelRef } from '../../core/digest.js';
import type { Outgoing } from '../../core/message.js';
import { withMarker } from '../../render/discord-marker.js';
import type { DiscordMessage } from '../../render/discord-types.js';
import type { DeliveryKey, DigestTransport, SentRef } from '../../scheduler/transport.js';
import { partMarker, partNonce, readMarker } from './delivery-marker.js';
import { deliveryErrorFrom, missingPermissions } from './discord-errors.js';
import type { RenderDiscord } from './interaction-handler.js';

const postNeeds = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
const historyNeeds = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory;
/**
 * How far back a delivery's parts are looked for: one page, Discord's maximum. A delivery is retried within its
 * claim's lease of the attempt before, and a channel seldom gets a hundred messages in that time.
 */
const historyLimit = 100;

interface PartsSent {
  readonly found: ReadonlyMap<number, SentRef>;
  /** How many parts the delivery has, as its posted markers say (0 when none was found). */
  readonly parts: number;
}

/**
 * Posts scheduled digests. Every part carries its marker (part i of n) and goes out with `nonce` +
 * `enforce_nonce`; a resend first reads the channel's recent history and posts only the parts that are not
 * there, so a crash midway through a multi-part digest ends with every part posted once. 429s are waited out
 * and 5xx retried inside @discordjs/rest; what still fails becomes a DeliveryError for the scheduler.
 */
export class DiscordDigestTransport implements DigestTransport {
  readonly platform = 'discord' as const;

  constructor(
    private readonly client: Client,
    private readonly render: RenderDiscord,
  ) {}

  async send(target: ChannelRef, messages: readonly Outgoing[], deliveryKey: DeliveryKey): Promise<SentRef[]> {
    const parts = messages.flatMap((out) => this.render(out));
    const { found } = await this.#partsSent(target.channel, deliveryKey);
    const sent: SentRef[] = [];
    for (const [i, message] of parts.entries()) {
      const part = i + 1;
      const posted = found.get(part);
      if (posted) {
        sent.push(posted);
        continue;
      }
      const marked = withMarker(message, partMarker(deliveryKey, { part, parts: parts.length }));
      sent.push(await this.#post(target.channel, marked, partNonce(deliveryKey, part)));
    }
    return sent;
  }

  async findSent(target: ChannelRef, deliveryKey: DeliveryKey): Promise<SentRef[] | undefined> {
    // A delivery cut short counts as not sent: the scheduler then calls send(), which posts only the missing parts.
    const { found, parts } = await this.#partsSent(target.channel, deliveryKey);
    if (found.size === 0 || found.size < parts) return undefined;
    return [...found.entries()].sort(([a], [b]) => a - b).map(([, ref]) => ref);
  }

  async #post(channel: string, message: DiscordMessage, nonce: string): Promise<SentRef> {
    try {
      const posted = (await this.client.rest.post(Routes.channelMessages(channel), { body: { ...message, nonce, enforce_nonce: true } })) as APIMessage;
      return { channel: posted.channel_id, messageId: posted.id };
    } catch (error) {
      throw deliveryErrorFrom(error, channel, () => this.#missing(channel, postNeeds));
    }
  }

  async #partsSent(channel: string, key: DeliveryKey): Promise<PartsSent> {
    let recent: APIMessage[];
    try {
      recent = (await this.client.rest.get(Routes.channelMessages(channel), { query: new URLSearchParams({ limit: String(historyLimit) }) })) as APIMessage[];
    } catch (error) {
      throw deliveryErrorFrom(error, channel, () => this.#missing(channel, historyNeeds));
    }
    const found = new Map<number, SentRef>();
    let parts = 0;
    // Newest first: should a part be there twice, the first one posted is the one recorded.
    for (const message of recent) {
      const mark = message.author.id === this.client.user?.id ? readMarker(key, message.embeds.at(-1)?.footer?.text) : undefined;
      if (!mark) continue;
      found.set(mark.part, { channel: message.channel_id, messageId: message.id });
      parts = Math.max(parts, mark.parts);
    }
    return { found, parts };
  }

  /** What the bot lacks in the channel, from the gateway's cache of roles and overwrites. */
  #missing(channelId: string, needs: bigint): string[] {
    const channel = this.client.channels.cache.get(channelId);
    const me = this.client.user;
    if (!channel || channel.isDMBased() || !me) return [];
    return missingPermissions(channel.permissionsFor(me), needs);
  }
}
