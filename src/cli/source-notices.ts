import type { Logger } from 'pino';
import type { ChannelRef } from '../core/digest.js';
import { contentHash } from '../core/ids.js';
import type { DeliveryKey } from '../core/subscription.js';
import { sourceNoticeReply } from '../commands/sources.js';
import type { DigestTransport } from '../scheduler/transport.js';
import type { SourceScope } from '../sources/feeds/source-port.js';
import type { SourceNotice } from '../sources/feeds/source-poller.js';
import type { SubscriptionFilter, SubscriptionStore } from '../store/subscriptions.js';

export interface NoticeDeliveryDeps {
  readonly store: Pick<SubscriptionStore, 'listSubscriptions'>;
  readonly transports: ReadonlyMap<ChannelRef['platform'], DigestTransport>;
  readonly clock: { now(): Date };
  readonly log: Pick<Logger, 'info' | 'warn'>;
}

function filterOf(scope: SourceScope): SubscriptionFilter {
  if (scope === 'global') return { state: 'active' };
  const [platform, workspace] = scope.split(':', 2) as [ChannelRef['platform'], string];
  return { platform, workspace, state: 'active' };
}

/**
 * Tells every channel subscribed in the source's scopes (each channel once, however many subscriptions it has)
 * that a source is failing or works again. The poller calls this once per change of health; each channel's post
 * carries its own idempotency key, so a transport retry inside `send` does not post it twice. A channel whose
 * platform is not running here, or that cannot be reached, is logged and skipped: a notice is not worth retrying.
 */
export function sourceNoticeDelivery(deps: NoticeDeliveryDeps): (notice: SourceNotice) => Promise<void> {
  return async (notice) => {
    const subscriptions = (await Promise.all(notice.scopes.map((scope) => deps.store.listSubscriptions(filterOf(scope))))).flat();
    const channels = new Map(subscriptions.map((s) => [`${s.channel.platform}|${s.channel.workspace}|${s.channel.channel}`, s.channel]));
    const reply = sourceNoticeReply(notice);
    const at = deps.clock.now().toISOString();
    for (const [id, channel] of channels) {
      const transport = deps.transports.get(channel.platform);
      if (!transport) continue;
      // Keys are at most 20 characters (Discord nonces add a part number within 25).
      const key = `wn${contentHash(`${notice.kind}|${notice.location}|${id}|${at}`).slice(0, 18)}` as DeliveryKey;
      try {
        await transport.send(channel, [{ type: 'reply', reply }], key);
        deps.log.info({ channel, location: notice.location, kind: notice.kind }, 'source notice posted');
      } catch (error) {
        deps.log.warn({ channel, location: notice.location, error: error instanceof Error ? error.message : String(error) }, 'source notice not posted');
      }
    }
  };
}
