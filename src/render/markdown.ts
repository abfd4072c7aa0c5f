import type { Digest, DigestStory, Quote, SourceRef } from '../core/digest.js';
import type { Block, Outgoing, Reply } from '../core/message.js';
import { escapeMarkdown } from './escape.js';
import { digestDate, joinSentences, quoteText, replyBlocks, sourcesLine, storyCount, summarySentences, updatedLine } from './story-parts.js';

/**
 * CommonMark for the archive (`digests/`) and the terminal. No limits apply, so nothing is shortened or
 * split; all article text is escaped so it cannot open a heading, a link or HTML.
 */
function markdownLink(name: string, url: string | undefined): string {
  const text = escapeMarkdown(name);
  if (url === undefined || !/^https?:\/\/\S+$/.test(url)) return text;
  return `[${text}](<${url.replace(/</g, '%3C').replace(/>/g, '%3E')}>)`;
}

function markdownSource(source: SourceRef): string {
  return markdownLink(source.name, source.url);
}

/** `source` is already Markdown (escaped, maybe linked). */
function quoteLine(quote: Quote, source?: string): string {
  const where = source === undefined ? '' : `, ${source}`;
  return `> ${escapeMarkdown(quoteText(quote))} — ${escapeMarkdown(quote.speaker)}${where}`;
}

/** A story card; the ids let a terminal user ask for the full article or the story's quotes by name. */
function storyMarkdown(story: DigestStory): string[] {
  const lead = story.summary[0]?.articleId ?? story.sources[0]?.articleId;
  return [
    `## ${escapeMarkdown(story.headline)}`,
    escapeMarkdown(joinSentences(summarySentences(story))),
    story.quote === undefined ? undefined : quoteLine(story.quote),
    sourcesLine(story.sources, markdownSource),
    updatedLine(story, markdownSource),
    `_${lead === undefined ? '' : `article ${escapeMarkdown(lead)} · `}story ${escapeMarkdown(story.storyId)}_`,
  ].filter((part): part is string => part !== undefined && part !== '');
}

function blockMarkdown(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`## ${escapeMarkdown(block.text)}`];
    case 'text':
      return [escapeMarkdown(block.text)];
    case 'story':
      return storyMarkdown(block.story);
    case 'quote':
      return [quoteLine(block.quote, markdownSource({ name: block.sourceName, url: block.url, articleId: block.quote.articleId }))];
    case 'fields':
      return [block.fields.map((field) => `- **${escapeMarkdown(field.label)}:** ${escapeMarkdown(field.value)}`).join('\n')];
    case 'list':
      return [block.items.map((item) => `- **${escapeMarkdown(item.title)}**${item.detail === undefined ? '' : ` — ${escapeMarkdown(item.detail)}`}`).join('\n')];
    case 'link':
      return [markdownLink(block.label, block.url)];
    case 'actions':
      // Buttons mean nothing in a file or a terminal; story cards carry the ids to type instead.
      return [];
    case 'notice':
      return [`**${block.level === 'error' ? 'Error' : 'Note'}:** ${escapeMarkdown(block.text)}`];
  }
}

function digestMarkdown(digest: Digest): string[] {
  return [
    `# ${escapeMarkdown(digest.title)}`,
    `_${digestDate(digest.composedAt)} · ${storyCount(digest.stories.length)}_`,
    ...digest.stories.flatMap(storyMarkdown),
  ];
}

function replyMarkdown(reply: Reply): string[] {
  return replyBlocks(reply).flatMap(blockMarkdown);
}

export function renderMarkdown(out: Outgoing): string {
  const parts = out.type === 'digest' ? digestMarkdown(out.digest) : replyMarkdown(out.reply);
  return `${parts.join('\n\n')}\n`;
}
