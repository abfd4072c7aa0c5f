import type { RespondFn, types, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Reply } from '../../core/message.js';
import { renderSlack } from '../../render/slack.js';

export interface ReplyTarget {
  readonly client: webApi.WebClient;
  readonly logger: Logger;
  readonly channel: string;
  readonly user: string;
  /** The interaction's response_url, when there is one (slash commands, buttons, shortcuts). */
  readonly respond?: RespondFn;
  /** Post into this thread instead (mentions answer where they were asked). */
  readonly threadTs?: string;
  /** Replace the message that carried the button (paging an ephemeral article). */
  readonly replaceOriginal?: boolean;
}

const asBlocks = (blocks: unknown) => blocks as types.KnownBlock[];

/**
 * Sends a Reply. Through response_url when there is one; when that fails (it expires after 30 minutes or 5
 * uses, and Bolt's respond() then throws) the reply still arrives, via chat.postEphemeral / postMessage.
 */
export async function deliverReply(reply: Reply, target: ReplyTarget): Promise<void> {
  const messages = renderSlack({ type: 'reply', reply });
  for (const [i, message] of messages.entries()) {
    if (target.respond && target.threadTs === undefined) {
      try {
        await target.respond({
          response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
          replace_original: i === 0 && target.replaceOriginal === true,
          text: message.text,
          blocks: asBlocks(message.blocks),
        });
        continue;
      } catch (error) {
        // The response_url is a credential of sorts: log the failure, never the URL.
        target.logger.warn({ status: (error as { statusCode?: unknown }).statusCode }, 'response_url refused the reply; posting it through the Web API instead');
      }
    }
    const common = { channel: target.channel, text: message.text, blocks: asBlocks(message.blocks), ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
    if (reply.visibility === 'ephemeral' && target.threadTs === undefined) {
      await target.client.chat.postEphemeral({ ...common, user: target.user });
    } else {
      await target.client.chat.postMessage({ ...common, unfurl_links: false, unfurl_media: false });
    }
  }
}
