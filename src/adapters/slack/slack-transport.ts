import type { types, webApi } from '@slack/bolt';
import type { ChannelRef } from '../../core/digest.js';
import type { Outgoing } from '../../core/message.js';
import type { DeliveryKey } from '../../core/subscription.js';
import { renderSlack } from '../../render/slack.js';
import type { DigestTransport, SentRef } from '../../scheduler/transport.js';
import { historyLookupError, toDeliveryError } from './delivery-errors.js';

export const digestEventType = 'wirebrief_digest';

/** How far back findSent looks: a digest is reconciled within hours of its slot, never days. */
const historyLimit = 200;

interface DigestMetadata {
  readonly delivery_key: string;
  readonly part: number;
  readonly parts: number;
  readonly story_ids: readonly string[];
}

/**
 * Delivers digests with chat.postMessage. Every part carries `metadata` naming the delivery key, so a resend
 * after a crash first reads the channel's recent history and posts only the parts that are not there yet.
 */
export function createSlackTransport(client: webApi.WebClient): DigestTransport {
  /** The parts already posted under `key`, and how many parts that delivery has in all. */
  async function partsSent(channel: string, key: DeliveryKey): Promise<{ found: Map<number, SentRef>; parts: number }> {
    const found = new Map<number, SentRef>();
    let parts = 0;
    try {
      const history = await client.conversations.history({ channel, limit: historyLimit, include_all_metadata: true });
      for (const message of history.messages ?? []) {
        const meta = message.metadata;
        const payload = meta?.event_payload as Partial<DigestMetadata> | undefined;
        if (meta?.event_type === digestEventType && payload?.delivery_key === key && typeof payload.part === 'number' && message.ts) {
          found.set(payload.part, { channel, messageId: message.ts });
          parts = Math.max(parts, Number(payload.parts) || 0);
        }
      }
    } catch (error) {
      throw historyLookupError(error, channel);
    }
    return { found, parts };
  }

  return {
    platform: 'slack',
    async send(target: ChannelRef, messages: readonly Outgoing[], key: DeliveryKey): Promise<SentRef[]> {
      const parts = messages.flatMap((out) => {
        const storyIds = out.type === 'digest' ? out.digest.stories.map((s) => s.storyId) : [];
        return renderSlack(out).map((rendered) => ({ rendered, storyIds }));
      });
      const { found: sent } = await partsSent(target.channel, key);
      const refs: SentRef[] = [];
      for (const [part, { rendered, storyIds }] of parts.entries()) {
        const already = sent.get(part);
        if (already) {
          refs.push(already);
          continue;
        }
        const metadata: DigestMetadata = { delivery_key: key, part, parts: parts.length, story_ids: storyIds };
        try {
          const result = await client.chat.postMessage({
            channel: target.channel,
            text: rendered.text,
            // Our renderer's JSON shapes are a strict subset of Block Kit; the SDK's types are wider unions.
            blocks: rendered.blocks as unknown as types.KnownBlock[],
            metadata: { event_type: digestEventType, event_payload: metadata as unknown as Record<string, string> },
            unfurl_links: false,
            unfurl_media: false,
          });
          refs.push({ channel: target.channel, messageId: result.ts ?? '' });
        } catch (error) {
          throw toDeliveryError(error, target.channel);
        }
      }
      return refs;
    },
    async findSent(target: ChannelRef, key: DeliveryKey): Promise<SentRef[] | undefined> {
      // A delivery cut short by a crash counts as not sent: send() then posts only the missing parts.
      const { found, parts } = await partsSent(target.channel, key);
      if (found.size === 0 || found.size < parts) return undefined;
      return [...found.entries()].sort(([a], [b]) => a - b).map(([, ref]) => ref);
    },
  };
}
