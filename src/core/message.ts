import type { Digest, DigestStory, Quote } from './digest.js';

/**
 * The neutral message model: what a command or the scheduler wants to say, before any platform.
 * Every string here is plain text; renderers escape it for their platform, so article text can never
 * ping anyone or break markup.
 */
export type ActionKind = 'article' | 'quotes' | 'discuss' | 'page' | 'share';

export interface Action {
  readonly kind: ActionKind;
  readonly label: string;
  /** Opaque payload the platform returns when the button is pressed (e.g. "a1b2c3d:2"). */
  readonly value: string;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'story'; readonly story: DigestStory }
  | { readonly kind: 'quote'; readonly quote: Quote; readonly sourceName: string; readonly url?: string }
  | { readonly kind: 'fields'; readonly fields: readonly { readonly label: string; readonly value: string }[] }
  | { readonly kind: 'list'; readonly items: readonly { readonly title: string; readonly detail?: string }[] }
  | { readonly kind: 'actions'; readonly actions: readonly Action[] }
  /** A link out of the platform (an article's original page); `url` is always http(s), see isLinkableUrl. */
  | { readonly kind: 'link'; readonly label: string; readonly url: string }
  | { readonly kind: 'notice'; readonly level: 'info' | 'error'; readonly text: string };

export interface Reply {
  /** Ephemeral: only the person who asked sees it. */
  readonly visibility: 'ephemeral' | 'channel';
  /** Notification / fallback text. */
  readonly summary: string;
  readonly blocks: readonly Block[];
}

export type Outgoing = { readonly type: 'reply'; readonly reply: Reply } | { readonly type: 'digest'; readonly digest: Digest };
