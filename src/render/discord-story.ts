import type { DigestStory, Quote, SourceRef } from '../core/digest.js';
import type { DiscordEmbed } from './discord-types.js';
import { colors, discordMeasure, discordRows, discordSource, discordText } from './discord-format.js';
import { embedBudget } from './discord-marker.js';
import type { DiscordPiece } from './discord-piece.js';
import { escapeDiscord } from './escape.js';
import { discordLimits } from './limits.js';
import { joinSentences, quoteText, sourcesLine, storyActions, summarySentences, updatedLine } from './story-parts.js';
import { fitLeading } from './text-fit.js';

const quoteMax = 1000;
const linesMax = 1000;

/** `> “quote” — *speaker*` (and where it was said, when known). */
export function discordQuoteLine(quote: Quote, source?: SourceRef): string {
  const where = source === undefined ? '' : `, ${discordSource(source)}`;
  return `> ${discordText(quoteText(quote), quoteMax)} — *${discordText(quote.speaker, 100)}*${where}`;
}

/**
 * A story as one embed (headline as title; summary, quote, sources and update mark as description) and its
 * buttons. `number` is the story's place in a digest: it prefixes the title and the button labels, because
 * Discord shows all buttons below all embeds and they must say which story they belong to.
 */
export function discordStoryPieces(story: DigestStory, number?: number): DiscordPiece[] {
  const prefix = number === undefined ? '' : `${number}. `;
  const title = prefix + discordText(story.headline, discordLimits.embedTitle - prefix.length);
  const fits = (line: string): boolean => line.length <= linesMax;
  const tail = [
    story.quote === undefined ? undefined : discordQuoteLine(story.quote),
    sourcesLine(story.sources, discordSource, fits),
    updatedLine(story, discordSource, fits),
  ].filter((line) => line !== undefined);
  const tailText = tail.join('\n');
  // Everything in one embed stays inside both the description limit and the message-wide embed budget.
  const budget = Math.min(discordLimits.embedDescription, embedBudget - title.length) - tailText.length - 2;
  const summary = escapeDiscord(joinSentences(fitLeading(summarySentences(story), budget, joinSentences, discordMeasure)));
  const embed: DiscordEmbed = {
    title,
    description: [summary, tailText].filter((part) => part !== '').join('\n\n'),
    color: story.updated === undefined ? colors.story : colors.updated,
  };
  const labelPrefix = number === undefined ? '' : `${number} · `;
  return [{ embed }, ...discordRows(storyActions(story), labelPrefix).map((row) => ({ row }))];
}
