import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../scheduler/delivery-error.js';

/** Slack answers that mean the channel cannot receive the digest until a person changes something. */
const permanent: Readonly<Record<string, (channel: string) => string>> = {
  not_in_channel: (c) => `the Wirebrief bot is not a member of channel ${c}: invite it there with /invite @Wirebrief`,
  channel_not_found: (c) => `channel ${c} no longer exists or the bot cannot see it`,
  is_archived: (c) => `channel ${c} is archived`,
  account_inactive: () => 'the Slack app was removed or its token deactivated: reinstall it',
  invalid_auth: () => 'SLACK_BOT_TOKEN is not valid for this workspace',
  token_revoked: () => 'the Slack bot token was revoked: reinstall the app',
  missing_scope: () => 'the Slack app lacks a scope it needs: reinstall it from slack-manifest.json',
};

/**
 * Turns a Web API failure into what the scheduler acts on. The WebClient has already waited out 429s and
 * retried 5xx by the time an error reaches here, so those remain transient (retried later, never dropped).
 * Messages are built from error codes only: a Slack error never carries our token into a reason.
 */
export function toDeliveryError(error: unknown, channel: string): DeliveryError {
  const code = (error as { code?: unknown }).code;
  if (code === webApi.ErrorCode.PlatformError) {
    const slackError = String((error as { data?: { error?: unknown } }).data?.error ?? 'unknown_error');
    const reason = permanent[slackError];
    if (reason) return DeliveryError.permanent(reason(channel), error);
    return DeliveryError.transient(`Slack answered ${slackError}`, undefined, error);
  }
  if (code === webApi.ErrorCode.RateLimitedError) {
    const retryAfter = Number((error as { retryAfter?: unknown }).retryAfter);
    return DeliveryError.transient('Slack rate limit (429)', Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined, error);
  }
  if (code === webApi.ErrorCode.HTTPError) {
    return DeliveryError.transient(`Slack HTTP ${String((error as { statusCode?: unknown }).statusCode)}`, undefined, error);
  }
  return DeliveryError.transient(`Slack unreachable (${error instanceof Error ? error.name : 'error'})`, undefined, error);
}

/** The scope Slack named when it refused a call for lacking one; undefined for any other failure. */
export function missingScopeOf(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown; needed?: unknown } }).data;
  if ((error as { code?: unknown }).code !== webApi.ErrorCode.PlatformError || data?.error !== 'missing_scope') return undefined;
  return typeof data.needed === 'string' && data.needed !== '' ? data.needed : 'a scope it needs';
}

/** What to tell an admin about a missing scope: which one, and that a reinstall from the manifest brings it. */
export function missingScopeAdvice(scope: string): string {
  const why = scope === 'groups:history' ? ', which private channels need' : '';
  return `the Slack app lacks the ${scope} scope${why}: add it (slack-manifest.json lists it) and reinstall the app`;
}

/** Asking again before an admin reinstalls is pointless; longer than any retry backoff, so this run ends at once. */
const reinstallWaitMs = 15 * 60_000;

/**
 * A refused lookup of the channel's history, which is how a resend finds what an earlier attempt posted.
 * Posting without it could post the digest twice, and giving up would lose it; refused for a missing scope
 * (an install from an older manifest, in a private channel), the delivery stays pending with the fix as its
 * reason, and goes out once when the scope is there.
 */
export function historyLookupError(error: unknown, channel: string): DeliveryError {
  const scope = missingScopeOf(error);
  if (scope === undefined) return toDeliveryError(error, channel);
  return DeliveryError.transient(`cannot read channel ${channel} to check for an earlier post of this digest: ${missingScopeAdvice(scope)}; the digest waits and is posted once after that`, reinstallWaitMs, error);
}
