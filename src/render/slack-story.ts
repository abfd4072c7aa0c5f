import type { DigestStory, Quote, SourceRef } from '../core/digest.js';
import { escapeSlack } from './escape.js';
import { slackLimits } from './limits.js';
import { mrkdwn, section, slackActions, slackMeasure, slackSource, slackText } from './slack-format.js';
import type { SlackBlock } from './slack-types.js';
import { joinSentences, quoteText, sourcesLine, storyActions, summarySentences, updatedLine } from './story-parts.js';
import { fitLeading } from './text-fit.js';

const speakerMax = 100;

/** The quote as a mrkdwn block quote with its speaker (and where it was said, when known). */
export function slackQuote(quote: Quote, source?: SourceRef): SlackBlock {
  const where = source === undefined ? '' : `, ${slackSource(source)}`;
  const attribution = ` — _${slackText(quote.speaker, speakerMax)}_${where}`;
  const body = slackText(quoteText(quote), slackLimits.sectionText - attribution.length - 2);
  return section(`>${body}${attribution}`);
}

/**
 * A story card: bold headline and the summary (trailing sentences dropped to fit), the quote, sources and
 * update mark as context, the buttons, and a divider that the packer drops at the end of a message.
 */
export function slackStoryBlocks(story: DigestStory): SlackBlock[] {
  const headline = `*${slackText(story.headline, slackLimits.headerText)}*`;
  const budget = slackLimits.sectionText - headline.length - 1;
  const summary = escapeSlack(joinSentences(fitLeading(summarySentences(story), budget, joinSentences, slackMeasure)));
  const blocks: SlackBlock[] = [section(summary === '' ? headline : `${headline}\n${summary}`)];
  if (story.quote !== undefined) blocks.push(slackQuote(story.quote));
  const fits = (line: string): boolean => line.length <= slackLimits.contextElementText;
  const context = [sourcesLine(story.sources, slackSource, fits), updatedLine(story, slackSource, fits)];
  blocks.push({ type: 'context', elements: context.filter((t) => t !== undefined).map(mrkdwn) });
  blocks.push(...slackActions(storyActions(story)), { type: 'divider' });
  return blocks;
}
