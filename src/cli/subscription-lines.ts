import { nextSlot } from '../core/cron/cron-slots.js';
import { describeSchedule, formatSlot } from '../core/cron/describe-schedule.js';
import { formatTopic, scheduleOf, type Subscription } from '../core/subscription.js';
import type { DeliveryRecord } from '../store/deliveries.js';

function channelLabel(s: Subscription): string {
  return s.channel.platform === 'local' ? 'local' : `${s.channel.platform} ${s.channel.workspace}/${s.channel.channel}`;
}

/** One subscription as `subscriptions` lists it: id, where, the schedule read back, options. */
export function subscriptionLine(s: Subscription, now: Date): string {
  const spec = scheduleOf(s);
  const options = [`max ${s.maxStories}`, s.topic ? `topic "${formatTopic(s.topic)}"` : undefined, s.threadMode === 'per-story' ? 'a message per story' : undefined, s.noNewsNote ? 'note when no news' : undefined]
    .filter(Boolean)
    .join(', ');
  return `${s.id}  ${channelLabel(s)}  ${describeSchedule(spec, s.timeZone, s.status.state === 'active' ? nextSlot(spec, s.timeZone, now) : undefined).replace(/; it never runs.*$/, '')} (${options})`;
}

/** The `status` view: state (with the disabled reason), last delivery and next run. */
export function statusLines(s: Subscription, latest: DeliveryRecord | undefined, now: Date): string[] {
  const spec = scheduleOf(s);
  const next = nextSlot(spec, s.timeZone, now);
  const last = latest
    ? `${formatSlot(new Date(latest.slot), s.timeZone)} ${latest.state}${latest.sent.length > 0 ? ` (${latest.sent.length} message${latest.sent.length === 1 ? '' : 's'})` : ''}${latest.error ? `: ${latest.error}` : ''}`
    : 'none yet';
  return [
    `${s.id}  ${channelLabel(s)}  \`${s.cron}\` ${s.timeZone}`,
    s.status.state === 'active' ? '  status: active' : `  status: DISABLED since ${s.status.since}: ${s.status.reason}`,
    `  last delivery: ${last}`,
    `  next run: ${s.status.state === 'active' && next ? formatSlot(next, s.timeZone) : 'none'}`,
  ];
}
