import type { Block } from '../core/message.js';
import { escapeSlack } from './escape.js';
import { slackLimits } from './limits.js';
import { mrkdwn, plain, section, slackActions, slackLink, slackMeasure, slackText } from './slack-format.js';
import { slackQuote, slackStoryBlocks } from './slack-story.js';
import type { SlackBlock } from './slack-types.js';
import type { Unit } from './pack.js';
import { groupLines, pageText, shorten } from './text-fit.js';

const fieldText = 2000;
const fieldsPerSection = 10;
const noticeIcon = { info: ':information_source:', error: ':warning:' } as const;

/** Sections holding all of `text` (escaped), paged at sentence boundaries; nothing is dropped. */
function pagedSections(text: string, prefix = ''): SlackBlock[] {
  const max = slackLimits.sectionText - prefix.length;
  return pageText(text, max, slackMeasure).map((page) => section(prefix + escapeSlack(page)));
}

function listLine(item: { readonly title: string; readonly detail?: string }): string {
  const title = `• *${slackText(item.title, 300)}*`;
  if (item.detail === undefined) return title;
  return `${title} — ${slackText(item.detail, slackLimits.sectionText - title.length - 3)}`;
}

function fieldSections(fields: readonly { readonly label: string; readonly value: string }[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += fieldsPerSection) {
    const chunk = fields.slice(i, i + fieldsPerSection).map((field) => {
      const label = `*${slackText(field.label, 200)}*`;
      return mrkdwn(`${label}\n${slackText(field.value, fieldText - label.length - 1)}`);
    });
    blocks.push({ type: 'section', fields: chunk });
  }
  return blocks;
}

export function slackBlockUnit(block: Block): Unit<SlackBlock> {
  switch (block.kind) {
    case 'heading':
      return { pieces: [{ type: 'header', text: plain(block.text, slackLimits.headerText) }] };
    case 'text':
      return { pieces: pagedSections(block.text) };
    case 'story':
      return { pieces: slackStoryBlocks(block.story), label: shorten(block.story.headline, slackLimits.headerText) };
    case 'quote':
      return { pieces: [slackQuote(block.quote, { name: block.sourceName, url: block.url, articleId: block.quote.articleId })] };
    case 'fields':
      return { pieces: fieldSections(block.fields) };
    case 'list':
      return { pieces: groupLines(block.items.map(listLine), slackLimits.sectionText).map(section) };
    case 'actions':
      return { pieces: slackActions(block.actions) };
    case 'link':
      return { pieces: [section(slackLink(block.label, block.url))] };
    case 'notice':
      return { pieces: pagedSections(block.text, `${noticeIcon[block.level]} `) };
  }
}
