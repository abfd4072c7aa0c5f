import type { Digest } from '../core/digest.js';
import type { Outgoing, Reply } from '../core/message.js';
import { slackLimits } from './limits.js';
import { packUnits, type Packed, type Unit } from './pack.js';
import { mrkdwn, plain, slackMeasure } from './slack-format.js';
import { slackBlockUnit } from './slack-reply.js';
import { slackStoryBlocks } from './slack-story.js';
import type { SlackBlock, SlackMessage } from './slack-types.js';
import { digestDate, partTitle, replyBlocks, storyCount } from './story-parts.js';
import { escapeSlack } from './escape.js';
import { shorten } from './text-fit.js';

export type { SlackBlock, SlackMessage } from './slack-types.js';

const fits = (blocks: readonly SlackBlock[]): boolean =>
  blocks.length <= slackLimits.blocksPerMessage && JSON.stringify(blocks).length <= slackLimits.blocksJson;

function digestUnits(digest: Digest): Unit<SlackBlock>[] {
  const header: Unit<SlackBlock> = {
    pieces: [
      { type: 'header', text: plain(digest.title, slackLimits.headerText) },
      { type: 'context', elements: [mrkdwn(`${digestDate(digest.composedAt)} · ${storyCount(digest.stories.length)}`)] },
    ],
  };
  const stories = digest.stories.map((story) => ({ pieces: slackStoryBlocks(story), label: story.headline }));
  return [header, ...stories];
}

/** The notification: the title (with its part number) and the headlines in this message, as far as they fit. */
function fallback(title: string, labels: readonly string[]): string {
  const text = labels.length === 0 ? title : `${title}: ${labels.join(' · ')}`;
  return escapeSlack(shorten(text, slackLimits.fallbackText, slackMeasure));
}

/** Slack rejects a message whose action_ids repeat: a button already shown in this message is dropped. */
function withoutRepeatedButtons(blocks: readonly SlackBlock[]): SlackBlock[] {
  const seen = new Set<string>();
  const result: SlackBlock[] = [];
  for (const block of blocks) {
    if (block.type !== 'actions') {
      result.push(block);
      continue;
    }
    const elements = block.elements.filter((button) => !seen.has(button.action_id) && seen.add(button.action_id));
    if (elements.length > 0) result.push({ type: 'actions', elements });
  }
  return result;
}

function messages(packed: readonly Packed<SlackBlock>[], title: string): SlackMessage[] {
  return packed.map((message, index) => {
    const blocks = withoutRepeatedButtons(message.pieces);
    while (blocks.at(-1)?.type === 'divider') blocks.pop();
    return { text: fallback(partTitle(title, index, packed.length), message.labels), blocks };
  });
}

function renderReply(reply: Reply): SlackMessage[] {
  return messages(packUnits(replyBlocks(reply).map(slackBlockUnit), fits), reply.summary);
}

function renderDigest(digest: Digest): SlackMessage[] {
  return messages(packUnits(digestUnits(digest), fits), digest.title);
}

/**
 * Block Kit messages for a reply or a digest: as many as the limits need, split between stories (or reply
 * blocks), each with a notification text of its own.
 */
export function renderSlack(out: Outgoing): SlackMessage[] {
  return out.type === 'digest' ? renderDigest(out.digest) : renderReply(out.reply);
}
