/**
 * Platform limits as data: the one source of truth for the renderers (which stay inside them) and for the
 * limit checker in test/render/limits.ts and the fake Slack/Discord servers (which reject what breaks them).
 *
 * Lengths are measured with JavaScript `string.length` (UTF-16 code units). The platforms count characters
 * (code points), which is never more than code units, so staying under these numbers in code units is safe.
 */

export const slackLimits = {
  /** Blocks in one message (`blocks` array). */
  blocksPerMessage: 50,
  /** Header block: plain_text only. */
  headerText: 150,
  /** Section block `text`. */
  sectionText: 3000,
  /** Elements in one context block, and each element's text. */
  contextElements: 10,
  contextElementText: 3000,
  /** Elements (buttons) in one actions block. */
  actionsElements: 25,
  /** Button label (plain_text) and its `value`. */
  buttonText: 75,
  buttonValue: 2000,
  /** `action_id` and `block_id`; each action_id must be unique within a message. */
  actionId: 255,
  blockId: 255,
  /** The notification fallback `text`. Slack accepts far more; we keep it to what a notification can show. */
  fallbackText: 3000,
  /**
   * JSON.stringify(blocks).length. Slack answers `msg_blocks_too_long` somewhere around 13k characters;
   * 12k leaves a margin for the envelope Slack adds.
   */
  blocksJson: 12_000,
} as const;

export const discordLimits = {
  /** Message `content`. */
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum over ALL embeds of one message: title + description + field names + values + footer + author name. */
  embedTotal: 6000,
  /** Action rows per message and buttons per row. */
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

/** Encoded button payloads (see action-id.ts) fit every platform's id field: Discord custom_id is the tightest. */
export const actionPayloadLimit = discordLimits.customId;

export type SlackLimits = typeof slackLimits;
export type DiscordLimits = typeof discordLimits;
