import type { ArticleId, StoryId } from './article.js';

/** One verbatim sentence of a summary and where it came from. */
export interface SummarySentence {
  readonly text: string;
  readonly articleId: ArticleId;
  readonly sentenceIndex: number;
}

export interface SourceRef {
  /** Outlet name, or what is known ("Seoul dateline, 26 Dec 2025"); never an invented outlet. */
  readonly name: string;
  readonly articleId: ArticleId;
  readonly url?: string;
  readonly published?: string;
}

export interface Quote {
  readonly text: string;
  readonly speaker: string;
  readonly articleId: ArticleId;
  /** A fragment quoted inside a paraphrase ("needed \"to further expand ...\""). */
  readonly partial: boolean;
  readonly sentenceIndex: number;
}

export interface DigestStory {
  readonly storyId: StoryId;
  readonly headline: string;
  readonly summary: readonly SummarySentence[];
  readonly sources: readonly SourceRef[];
  readonly quote?: Quote;
  /** Present when the story was sent to this channel before and new sources joined it since. */
  readonly updated?: { readonly newSources: readonly SourceRef[] };
  readonly keyTerms?: readonly string[];
}

export interface ChannelRef {
  readonly platform: 'slack' | 'discord' | 'local';
  readonly workspace: string;
  readonly channel: string;
}

export interface Digest {
  readonly title: string;
  /** ISO date-time the digest was composed for (the slot, or now for on-demand digests). */
  readonly composedAt: string;
  readonly channel: ChannelRef;
  readonly stories: readonly DigestStory[];
}
