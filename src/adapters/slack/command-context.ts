import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { StoryId } from '../../core/article.js';
import type { CommandContext } from '../../commands/types.js';

export interface Asker {
  readonly teamId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly threadStoryId?: StoryId;
}

/**
 * The neutral context of a Slack request. Whether the person administers the workspace costs a users.info
 * call, so it is asked only for commands that need it; when Slack cannot tell, the answer is "no".
 */
export async function commandContext(client: webApi.WebClient, logger: Logger, asker: Asker, needsAdmin: boolean): Promise<CommandContext> {
  let isAdmin = false;
  if (needsAdmin) {
    try {
      const { user } = await client.users.info({ user: asker.userId });
      isAdmin = user?.is_admin === true || user?.is_owner === true;
    } catch (error) {
      logger.warn({ err: error, user: asker.userId }, 'users.info failed; treating the user as not an admin');
    }
  }
  return {
    platform: 'slack',
    workspaceId: asker.teamId,
    channelId: asker.channelId,
    userId: asker.userId,
    isAdmin,
    ...(asker.threadStoryId ? { threadStoryId: asker.threadStoryId } : {}),
  };
}
