import { PermissionFlagsBits, Routes, type APIMessage, type Client } from 'discord.js';
import type { ChannelRef } from '../../core/digest.js';
import type { Outgoing } from '../../core/message.js';
import { embedSize } from '../../render/discord-format.js';
import type { DiscordMessage } from '../../render/discord-types.js';
import { discordLimits } from '../../render/limits.js';
import type { DeliveryKey, DigestTransport, SentRef } from '../../scheduler/transport.js';
import { deliveryErrorFrom, missingPermissions } from './discord-errors.js';
import type { RenderDiscord } from './interaction-handler.js';

const postNeeds = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
/** How far back findSent looks: a digest is a handful of messages, and it runs right after a crash. */
const recentMessages = 50;

/** Part n of a delivery: the nonce Discord dedupes on, and the marker findSent recognises (≤ 25 chars). */
export function partKey(key: DeliveryKey, part: number): string {
  return `${key}-${part}`;
}

function withMarker(message: DiscordMessage, marker: string): DiscordMessage {
  // The footer of the last embed carries the part key: Discord does not return a nonce when messages are
  // fetched later, so this is how a restarted process finds what it already posted.
  const embeds = [...message.embeds];
  const last = embeds.pop();
  if (!last) return message;
  const footer = last.footer?.text ? `${last.footer.text} · ref ${marker}` : `ref ${marker}`;
  const marked = { ...last, footer: { text: footer } };
  const total = [...embeds, marked].reduce((sum, embed) => sum + embedSize(embed), 0);
  // A message the renderer filled to the brim goes out unmarked: posting it matters more than finding it.
  if (footer.length > discordLimits.footerText || total > discordLimits.embedTotal) return message;
  return { ...message, embeds: [...embeds, marked] };
}

/**
 * Posts scheduled digests. Each part goes out with `nonce` = part key and `enforce_nonce`, so a resend
 * after a crash or a lost response returns the first message instead of posting twice. 429s are waited
 * out and 5xx retried inside @discordjs/rest; what still fails becomes a DeliveryError for the scheduler.
 */
export class DiscordDigestTransport implements DigestTransport {
  readonly platform = 'discord' as const;

  constructor(
    private readonly client: Client,
    private readonly render: RenderDiscord,
  ) {}

  async send(target: ChannelRef, messages: readonly Outgoing[], deliveryKey: DeliveryKey): Promise<SentRef[]> {
    const parts = messages.flatMap((out) => this.render(out));
    const sent: SentRef[] = [];
    for (const [i, message] of parts.entries()) {
      const nonce = partKey(deliveryKey, i + 1);
      try {
        const posted = (await this.client.rest.post(Routes.channelMessages(target.channel), {
          body: { ...withMarker(message, nonce), nonce, enforce_nonce: true },
        })) as APIMessage;
        sent.push({ channel: posted.channel_id, messageId: posted.id });
      } catch (error) {
        throw deliveryErrorFrom(error, target.channel, () => this.#missing(target.channel));
      }
    }
    return sent;
  }

  async findSent(target: ChannelRef, deliveryKey: DeliveryKey): Promise<SentRef[] | undefined> {
    let recent: APIMessage[];
    try {
      recent = (await this.client.rest.get(Routes.channelMessages(target.channel), { query: new URLSearchParams({ limit: String(recentMessages) }) })) as APIMessage[];
    } catch (error) {
      throw deliveryErrorFrom(error, target.channel, () => this.#missing(target.channel));
    }
    const marker = new RegExp(`ref ${deliveryKey}-(\\d+)$`);
    const mine = recent
      .filter((m) => m.author.id === this.client.user?.id)
      .map((m) => ({ m, part: Number(marker.exec(m.embeds.at(-1)?.footer?.text ?? '')?.[1] ?? 0) }))
      .filter((x) => x.part > 0)
      .sort((a, b) => a.part - b.part);
    return mine.length === 0 ? undefined : mine.map(({ m }) => ({ channel: m.channel_id, messageId: m.id }));
  }

  /** What the bot lacks in the channel, from the gateway's cache of roles and overwrites. */
  #missing(channelId: string): string[] {
    const channel = this.client.channels.cache.get(channelId);
    const me = this.client.user;
    if (!channel || channel.isDMBased() || !me) return [];
    return missingPermissions(channel.permissionsFor(me), postNeeds);
  }
}
