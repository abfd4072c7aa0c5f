import type { ArticleId, ArticleMeta, StoryId } from '../core/article.js';
import type { ChannelRef, Digest, DigestStory } from '../core/digest.js';
import type { Action, Reply } from '../core/message.js';

/**
 * The platform-neutral command surface. Slack and Discord adapters turn a slash command, a button press or
 * a mention into a CommandInput / ActionInput, call runCommand / runAction, and render the Reply.
 *
 * Everything a command needs from the outside world comes in through CommandDeps as narrow ports: the
 * commands layer may not import the store or the scheduler (layering), so these interfaces are shaped so
 * that the real Store satisfies them structurally and the composition root passes it straight in.
 */

export type CommandName = 'digest' | 'article' | 'quote' | 'news' | 'wirebrief';
export type Platform = ChannelRef['platform'];

export interface CommandContext {
  readonly platform: Platform;
  /** Slack team id / Discord guild id ("local" for the terminal). */
  readonly workspaceId: string;
  readonly channelId: string;
  readonly userId: string;
  /** The platform says this user administers the workspace (Slack is_admin/is_owner, Discord Manage Server). */
  readonly isAdmin: boolean;
  /** Set when the command or mention comes from inside a story's discussion thread. */
  readonly threadStoryId?: StoryId;
}

export interface CommandInput {
  readonly name: CommandName;
  /** Everything after the command name, as typed. */
  readonly text: string;
  readonly ctx: CommandContext;
}

/** A button press, already decoded by the adapter (decodeAction in src/render/). */
export interface ActionInput {
  readonly action: Pick<Action, 'kind' | 'value'>;
  readonly ctx: CommandContext;
}

// ---- ports -------------------------------------------------------------------------------------------

/** What the commands read of a stored article (a subset of the Store's stored article). */
export interface ArticleRecord {
  readonly id: ArticleId;
  readonly title: string;
  readonly body: string;
  readonly meta: ArticleMeta;
  readonly storyId: StoryId | null;
}

export interface SearchHit {
  readonly id: ArticleId;
  readonly title: string;
  readonly snippet: string;
  readonly score: number;
}

/** The article side of the Store. */
export interface ArticleReader {
  getArticle(id: string): Promise<ArticleRecord | undefined>;
  closestIds(id: string, limit: number): Promise<readonly string[]>;
  search(query: string, options: { readonly limit: number }): Promise<readonly SearchHit[]>;
  storyArticles(storyId: StoryId): Promise<readonly ArticleRecord[]>;
  countArticles(): Promise<number>;
}

export interface SubscriptionRequest {
  readonly channel: ChannelRef;
  readonly cron: string;
  readonly timeZone?: string;
  readonly maxStories?: number;
  /** Comma-separated keywords; `source:NAME` items filter by outlet ("missile, source:AFP"). */
  readonly topic?: string;
}

export interface SubscriptionView {
  readonly id: string;
  readonly channel: ChannelRef;
  readonly cron: string;
  readonly timeZone: string;
  readonly maxStories: number;
  readonly topic?: string;
  readonly status: 'active' | 'disabled';
  readonly disabledReason?: string;
  /** Human read-back of the schedule, e.g. "`0 8 * * 1-5` means weekdays at 08:00 Europe/Berlin; next run Mon 29 Dec 08:00". */
  readonly schedule: string;
  readonly lastDelivery?: string;
}

/** Subscriptions, validated on entry; a rejected request comes back with a reason a person understands. */
export interface SubscriptionPort {
  subscribe(request: SubscriptionRequest): Promise<{ ok: true; subscription: SubscriptionView } | { ok: false; reason: string }>;
  /** False when no subscription with that id exists in that workspace. */
  unsubscribe(workspace: Workspace, id: string): Promise<boolean>;
  list(workspace: Workspace): Promise<readonly SubscriptionView[]>;
}

/** Digest composition for commands: nothing here is recorded as a scheduled delivery. */
export interface DigestComposer {
  /** An on-demand digest of the stored stories. */
  composeNow(request: { readonly channel: ChannelRef; readonly topic?: string; readonly maxStories: number; readonly now: Date }): Promise<Digest>;
  /** One story's card (the start of its discussion thread); undefined when the story is not stored. */
  storyCard(storyId: StoryId, now: Date): Promise<DigestStory | undefined>;
}

export interface SourceInfo {
  readonly name: string;
  readonly detail: string;
  /** Set while the source fails: how often in a row, and its last error. */
  readonly failing?: { readonly failures: number; readonly lastError: string };
}

export type Workspace = Pick<ChannelRef, 'platform' | 'workspace'>;

/** Where articles come from, per workspace: its own sources and the global ones. */
export interface SourcesPort {
  list(workspace: Workspace): Promise<readonly SourceInfo[]>;
  /** Fetches and checks the URL first; a URL that is neither a feed nor an article comes back with the reason. */
  add(workspace: Workspace, url: string): Promise<{ readonly ok: true; readonly added: boolean; readonly id: string; readonly name: string; readonly preview: readonly string[] } | { readonly ok: false; readonly reason: string }>;
  /** False when the workspace has no source with that id. */
  remove(workspace: Workspace, id: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

export interface CommandDeps {
  readonly articles: ArticleReader;
  readonly subscriptions: SubscriptionPort;
  readonly digests: DigestComposer;
  /** What `/wirebrief sources` lists and changes (the seeds folder, feeds, article URLs). */
  readonly sources: SourcesPort;
  readonly clock: Clock;
  /** User ids allowed to manage subscriptions besides platform admins (WIREBRIEF_ADMINS). */
  readonly admins: readonly string[];
}

export type RunCommand = (input: CommandInput, deps: CommandDeps) => Promise<Reply>;
export type RunAction = (input: ActionInput, deps: CommandDeps) => Promise<Reply>;
