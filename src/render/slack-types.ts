/**
 * The Block Kit subset Wirebrief sends, as plain JSON shapes (no SDK types), so the fake Slack server and the
 * limit checker can validate exactly what goes over the wire.
 */
export interface SlackPlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

/** `verbatim: true` stops Slack from auto-linking URLs, channel names and mentions inside article text. */
export interface SlackMrkdwn {
  readonly type: 'mrkdwn';
  readonly text: string;
  readonly verbatim?: boolean;
}

export type SlackText = SlackPlainText | SlackMrkdwn;

export interface SlackButton {
  readonly type: 'button';
  readonly text: SlackPlainText;
  readonly action_id: string;
  readonly value: string;
  readonly style?: 'primary' | 'danger';
}

export type SlackBlock =
  | { readonly type: 'header'; readonly text: SlackPlainText }
  | { readonly type: 'section'; readonly text?: SlackMrkdwn; readonly fields?: readonly SlackMrkdwn[] }
  | { readonly type: 'context'; readonly elements: readonly SlackText[] }
  | { readonly type: 'actions'; readonly elements: readonly SlackButton[] }
  | { readonly type: 'divider' };

export interface SlackMessage {
  /** Notification / fallback text, escaped like the blocks. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}
