import type { SourceRef } from '../core/digest.js';
import type { Action } from '../core/message.js';
import { isLinkableUrl } from '../core/web-link.js';
import { encodeAction } from './action-id.js';
import { escapeSlack } from './escape.js';
import { slackLimits } from './limits.js';
import type { SlackBlock, SlackButton, SlackMrkdwn, SlackPlainText } from './slack-types.js';
import { shorten, type Measure } from './text-fit.js';

/** Length of plain text once escaped for mrkdwn: the unit every Slack text limit is checked in. */
export const slackMeasure: Measure = (text) => escapeSlack(text).length;

/** Plain-text objects are not parsed for formatting or mentions; only `&`, `<`, `>` need entities. */
export function escapeSlackPlain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function plain(text: string, max: number): SlackPlainText {
  return { type: 'plain_text', text: escapeSlackPlain(shorten(text, max, (s) => escapeSlackPlain(s).length)), emoji: true };
}

/** `text` is already mrkdwn (escaped article text plus our own markup). */
export function mrkdwn(text: string): SlackMrkdwn {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function section(text: string): SlackBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** Escaped article text as mrkdwn, cut at a word boundary to `max` characters after escaping. */
export function slackText(text: string, max: number): string {
  return escapeSlack(shorten(text, max, slackMeasure));
}

/** `name` (plain text), linked when `url` is linkable (`<url|name>`; `|` and `>` cannot appear raw). */
export function slackLink(name: string, url: string | undefined): string {
  const text = slackText(name, 200);
  if (!isLinkableUrl(url)) return text;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${text}>`;
}

export function slackSource(source: SourceRef): string {
  return slackLink(source.name, source.url);
}

export function slackButton(action: Action): SlackButton {
  const payload = encodeAction(action);
  return { type: 'button', text: plain(action.label, slackLimits.buttonText), action_id: payload, value: payload };
}

/** Actions blocks of at most 25 buttons. */
export function slackActions(actions: readonly Action[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < actions.length; i += slackLimits.actionsElements) {
    blocks.push({ type: 'actions', elements: actions.slice(i, i + slackLimits.actionsElements).map(slackButton) });
  }
  return blocks;
}
