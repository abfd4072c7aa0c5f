import type { DiscordMessage } from '../../src/render/discord-types.js';
import { actionPayloadLimit, discordLimits, slackLimits } from '../../src/render/limits.js';
import type { SlackBlock, SlackMessage, SlackText } from '../../src/render/slack-types.js';
import { messageErrors } from '../fakes/discord/message-rules.js';
import { checkMessage } from '../fakes/slack/block-kit-rules.js';

/**
 * Every rule of src/render/limits.ts as a checker: the list of violations of one message (empty when it
 * is fine), plus the verdict of the fake Slack / Discord server, which checks the platform's own rules
 * independently of the renderer. Reusable by any test that wants to assert a renderer's output is sendable.
 */
type Push = (rule: string) => void;

function within(push: Push, what: string, text: string | undefined, max: number, required = false): void {
  if (text === undefined) {
    if (required) push(`${what} is missing`);
    return;
  }
  if (text.length > max) push(`${what} is ${text.length} characters (limit ${max})`);
  if (required && text.length === 0) push(`${what} is empty`);
}

function slackBlock(block: SlackBlock, where: string, push: Push, actionIds: Set<string>): void {
  const textObject = (what: string, text: SlackText | undefined, max: number): void => within(push, `${where} ${what}`, text?.text, max, true);
  switch (block.type) {
    case 'header':
      if (block.text.type !== 'plain_text') push(`${where} header is not plain_text`);
      return textObject('header', block.text, slackLimits.headerText);
    case 'section':
      if (block.text === undefined && block.fields === undefined) push(`${where} section has neither text nor fields`);
      if (block.text !== undefined) textObject('section text', block.text, slackLimits.sectionText);
      if ((block.fields?.length ?? 0) > 10) push(`${where} has more than 10 fields`);
      block.fields?.forEach((field, i) => textObject(`field ${i}`, field, 2000));
      return;
    case 'context':
      if (block.elements.length < 1 || block.elements.length > slackLimits.contextElements) push(`${where} context has ${block.elements.length} elements`);
      block.elements.forEach((element, i) => textObject(`context element ${i}`, element, slackLimits.contextElementText));
      return;
    case 'actions':
      if (block.elements.length < 1 || block.elements.length > slackLimits.actionsElements) push(`${where} actions has ${block.elements.length} buttons`);
      for (const button of block.elements) {
        textObject('button label', button.text, slackLimits.buttonText);
        within(push, `${where} action_id`, button.action_id, Math.min(slackLimits.actionId, actionPayloadLimit), true);
        within(push, `${where} button value`, button.value, slackLimits.buttonValue);
        if (actionIds.has(button.action_id)) push(`${where} repeats action_id ${button.action_id}`);
        actionIds.add(button.action_id);
      }
      return;
    case 'divider':
      return;
  }
}

export function slackViolations(message: SlackMessage): string[] {
  const found: string[] = [];
  const push: Push = (rule) => found.push(rule);
  within(push, 'text', message.text, slackLimits.fallbackText, true);
  if (message.blocks.length === 0) push('message has no blocks');
  if (message.blocks.length > slackLimits.blocksPerMessage) push(`${message.blocks.length} blocks (limit ${slackLimits.blocksPerMessage})`);
  const json = JSON.stringify(message.blocks).length;
  if (json > slackLimits.blocksJson) push(`blocks JSON is ${json} characters (limit ${slackLimits.blocksJson})`);
  const actionIds = new Set<string>();
  message.blocks.forEach((block, i) => slackBlock(block, `block ${i}`, push, actionIds));
  const rejected = checkMessage(message);
  if (rejected !== undefined) push(`the fake Slack answers ${rejected}`);
  return found;
}

export function discordViolations(message: DiscordMessage): string[] {
  const found: string[] = [];
  const push: Push = (rule) => found.push(rule);
  within(push, 'content', message.content, discordLimits.content);
  if (message.allowed_mentions.parse.length !== 0) push('allowed_mentions.parse is not empty');
  if (message.embeds.length > discordLimits.embedsPerMessage) push(`${message.embeds.length} embeds (limit ${discordLimits.embedsPerMessage})`);
  if ((message.content ?? '') === '' && message.embeds.length === 0) push('message has neither content nor embeds');
  let total = 0;
  message.embeds.forEach((embed, i) => {
    within(push, `embed ${i} title`, embed.title, discordLimits.embedTitle);
    within(push, `embed ${i} description`, embed.description, discordLimits.embedDescription);
    within(push, `embed ${i} footer`, embed.footer?.text, discordLimits.footerText);
    within(push, `embed ${i} author`, embed.author?.name, discordLimits.authorName);
    const fields = embed.fields ?? [];
    if (fields.length > discordLimits.embedFields) push(`embed ${i} has ${fields.length} fields`);
    fields.forEach((field, j) => {
      within(push, `embed ${i} field ${j} name`, field.name, discordLimits.fieldName, true);
      within(push, `embed ${i} field ${j} value`, field.value, discordLimits.fieldValue, true);
      total += field.name.length + field.value.length;
    });
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  });
  if (total > discordLimits.embedTotal) push(`embeds total ${total} characters (limit ${discordLimits.embedTotal})`);
  if (message.components.length > discordLimits.actionRows) push(`${message.components.length} action rows (limit ${discordLimits.actionRows})`);
  const customIds = new Set<string>();
  message.components.forEach((row, i) => {
    if (row.components.length < 1 || row.components.length > discordLimits.buttonsPerRow) push(`row ${i} has ${row.components.length} buttons`);
    for (const button of row.components) {
      within(push, `row ${i} button label`, button.label, discordLimits.buttonLabel, true);
      within(push, `row ${i} custom_id`, button.custom_id, discordLimits.customId, true);
      if (customIds.has(button.custom_id)) push(`row ${i} repeats custom_id ${button.custom_id}`);
      customIds.add(button.custom_id);
    }
  });
  for (const error of messageErrors(message, { requireContent: true })) push(`the fake Discord answers 50035 at ${error.path.join('.')}: ${error.code}`);
  return found;
}
