import { slackLimits } from '../../../src/render/limits.js';

/**
 * The message checks Slack applies to chat.postMessage / chat.update / response_url posts, as the fake
 * enforces them. Returns the Slack error code a real workspace would answer, or undefined when valid.
 */
/**
 * Per-element rules come from the renderers' shared data; the two message-level ceilings are Slack's own,
 * looser than the margins the renderers keep (they aim under 12k of block JSON and 3000 of fallback text).
 */
const slackRejects = {
  blocksJson: 13_000,
  fallbackText: 40_000,
} as const;

type Json = Record<string, unknown>;

export function checkMessage(message: { text?: unknown; blocks?: unknown }): string | undefined {
  const blocks = message.blocks;
  if (blocks === undefined) {
    return typeof message.text === 'string' && message.text !== '' ? undefined : 'no_text';
  }
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  // Without `text` the notification is empty; Slack only warns, but the project treats it as an error.
  if (typeof message.text !== 'string' || message.text === '') return 'no_text';
  if (message.text.length > slackRejects.fallbackText) return 'msg_too_long';
  if (blocks.length > slackLimits.blocksPerMessage) return 'invalid_blocks';
  if (JSON.stringify(blocks).length > slackRejects.blocksJson) return 'msg_blocks_too_long';
  const actionIds = new Set<string>();
  for (const block of blocks as Json[]) {
    if (!checkBlock(block, actionIds)) return 'invalid_blocks';
  }
  return undefined;
}

function textObject(value: unknown, max: number, plainOnly = false): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { type, text } = value as Json;
  if (type !== 'plain_text' && (plainOnly || type !== 'mrkdwn')) return false;
  return typeof text === 'string' && text.length >= 1 && text.length <= max;
}

/** `actionIds` spans the whole message: Slack wants every action_id unique within one message. */
function checkBlock(block: Json, actionIds: Set<string>): boolean {
  switch (block.type) {
    case 'header':
      return textObject(block.text, slackLimits.headerText, true);
    case 'section': {
      const fields = block.fields;
      if (block.text === undefined && fields === undefined) return false;
      if (block.text !== undefined && !textObject(block.text, slackLimits.sectionText)) return false;
      if (fields !== undefined) {
        if (!Array.isArray(fields) || fields.length > 10) return false;
        if (!fields.every((f) => textObject(f, 2000))) return false;
      }
      return true;
    }
    case 'context': {
      const elements = block.elements;
      return Array.isArray(elements) && elements.length >= 1 && elements.length <= slackLimits.contextElements && elements.every((e) => textObject(e, slackLimits.contextElementText));
    }
    case 'actions': {
      const elements = block.elements;
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > slackLimits.actionsElements) return false;
      for (const e of elements as Json[]) {
        if (e.type !== 'button' || !textObject(e.text, slackLimits.buttonText, true)) return false;
        if (typeof e.action_id !== 'string' || e.action_id.length > slackLimits.actionId || actionIds.has(e.action_id)) return false;
        actionIds.add(e.action_id);
        if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > slackLimits.buttonValue)) return false;
      }
      return true;
    }
    case 'divider':
      return true;
    default:
      return false;
  }
}
