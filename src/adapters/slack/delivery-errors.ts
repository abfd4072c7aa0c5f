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
