import { randomBytes } from 'node:crypto';
import { buildStoryCard } from '../core/compose/story-card.js';
import { composeDigest } from '../core/compose/compose-digest.js';
import type { StoryInput } from '../core/compose/story-input.js';
import type { StoryId } from '../core/article.js';
import { nextSlot } from '../core/cron/cron-slots.js';
import { describeSchedule } from '../core/cron/describe-schedule.js';
import { formatTopic, parseSubscription, parseTopic, scheduleOf, type Subscription, type SubscriptionId } from '../core/subscription.js';
import type { Clock, CommandDeps, DigestComposer, SubscriptionPort, SubscriptionView } from '../commands/types.js';
import type { Config } from '../config.js';
import { serialStoryAssigner } from '../sources/assign-stories.js';
import type { DeliveryRecord } from '../store/deliveries.js';
import type { DigestArchive } from '../store/digest-archive.js';
import type { Store } from '../store/store.js';
import { storeSourcesPort } from './sources-port.js';

/**
 * The commands' ports, wired to the Store: one place, shared by every platform adapter (Slack, Discord)
 * so a command behaves the same wherever it is typed.
 */
export interface CommandDepsOptions {
  readonly store: Store;
  readonly config: Pick<Config, 'WIREBRIEF_TIMEZONE' | 'WIREBRIEF_ADMINS' | 'WIREBRIEF_SEEDS_DIR' | 'WIREBRIEF_USER_AGENT'>;
  readonly clock?: Clock;
  /** Groups unassigned articles into stories before an on-demand digest (default: a serial assigner of its own). */
  readonly assignStories?: () => Promise<unknown>;
  /** Where on-demand digests are archived beside the scheduled ones (default: not archived, as in tests). */
  readonly archive?: DigestArchive;
}

/** On-demand digests look at this many of the most recently updated stories. */
const onDemandCandidates = 100;

export function createCommandDeps(options: CommandDepsOptions): CommandDeps {
  const { store, config } = options;
  const clock = options.clock ?? { now: () => new Date() };
  return {
    articles: store,
    subscriptions: subscriptionPort(store, config.WIREBRIEF_TIMEZONE, clock),
    digests: digestComposer(store, options.assignStories ?? serialStoryAssigner(store, clock), options.archive),
    sources: storeSourcesPort(store, config, clock),
    clock,
    admins: config.WIREBRIEF_ADMINS,
  };
}

/**
 * `assignStories` runs before every on-demand digest, so an article stored a moment ago (by another process, or
 * before the ingest that stored it could group it) is already in its story.
 */
export function digestComposer(store: Store, assignStories?: () => Promise<unknown>, archive?: DigestArchive): DigestComposer {
  const storyInput = async (storyId: StoryId): Promise<StoryInput> => ({ storyId, articles: await store.storyArticles(storyId) });
  return {
    async composeNow({ channel, topic, maxStories, now }) {
      await assignStories?.();
      const stories = await store.listStories({ limit: onDemandCandidates });
      const candidates = await Promise.all(stories.map((s) => storyInput(s.id)));
      const filter = parseTopic(topic);
      const digest = composeDigest({
        channel,
        title: topic ? `Wirebrief: ${topic}` : 'Wirebrief digest',
        composedAt: now,
        maxStories,
        ...(filter ? { topic: filter } : {}),
        candidates,
        sent: new Map(),
      });
      if (digest.stories.length > 0) await archive?.write(digest);
      return digest;
    },
    async storyCard(storyId) {
      const story = await storyInput(storyId);
      return story.articles.length > 0 ? buildStoryCard(story) : undefined;
    },
  };
}

/** Subscription ids people type: "s" and six lower-case letters or digits. */
function newSubscriptionId(): SubscriptionId {
  return `s${randomBytes(4).readUInt32BE().toString(36).padStart(6, '0').slice(-6)}` as SubscriptionId;
}

/** A delivery waiting or failed says why, so an admin sees what to fix without the server's logs. */
function deliveryLine(latest: DeliveryRecord): string {
  const why = latest.error !== undefined && (latest.state === 'pending' || latest.state === 'failed') ? `: ${latest.error}` : '';
  return `${latest.slot} (${latest.state}${why})`;
}

export function subscriptionPort(store: Store, defaultTimeZone: string, clock: Clock): SubscriptionPort {
  async function view(s: Subscription): Promise<SubscriptionView> {
    const latest = await store.latestDelivery(s.id);
    return {
      id: s.id,
      channel: s.channel,
      cron: s.cron,
      timeZone: s.timeZone,
      maxStories: s.maxStories,
      ...(s.topic ? { topic: formatTopic(s.topic) } : {}),
      status: s.status.state,
      ...(s.status.state === 'disabled' ? { disabledReason: s.status.reason } : {}),
      schedule: describeSchedule(scheduleOf(s), s.timeZone, nextSlot(scheduleOf(s), s.timeZone, clock.now())),
      ...(latest ? { lastDelivery: deliveryLine(latest) } : {}),
    };
  }
  return {
    async subscribe(request) {
      const parsed = parseSubscription(
        {
          platform: request.channel.platform,
          workspace: request.channel.workspace,
          channel: request.channel.channel,
          cron: request.cron,
          ...(request.timeZone !== undefined ? { timeZone: request.timeZone } : {}),
          ...(request.maxStories !== undefined ? { maxStories: request.maxStories } : {}),
          ...(request.topic !== undefined ? { topic: request.topic } : {}),
        },
        { id: newSubscriptionId(), now: clock.now(), defaultTimeZone },
      );
      if (!parsed.ok) return { ok: false, reason: parsed.errors.join('; ') };
      await store.addSubscription(parsed.subscription);
      return { ok: true, subscription: await view(parsed.subscription) };
    },
    async unsubscribe(workspace, id) {
      const existing = await store.getSubscription(id);
      if (!existing || existing.channel.platform !== workspace.platform || existing.channel.workspace !== workspace.workspace) return false;
      return store.removeSubscription(id);
    },
    async list(workspace) {
      const subscriptions = await store.listSubscriptions({ platform: workspace.platform, workspace: workspace.workspace });
      return Promise.all(subscriptions.map(view));
    },
  };
}
