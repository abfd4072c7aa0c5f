import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Reply } from '../../core/message.js';
import { notice } from '../../commands/replies.js';
import { runAction, runCommand } from '../../commands/run-command.js';
import type { CommandDeps, CommandName } from '../../commands/types.js';
import { decodeAction } from '../../render/action-id.js';
import { commandContext } from './command-context.js';
import { typedText } from './command-text.js';
import { deliverReply, type ReplyTarget } from './deliver-reply.js';
import { missingScopeAdvice, missingScopeOf } from './delivery-errors.js';
import { openDiscussion } from './discuss.js';
import { threadStory } from './story-threads.js';

/** Must match the slash commands and the message shortcut in slack-manifest.json. */
const slashCommands: readonly CommandName[] = ['digest', 'article', 'quote', 'news', 'wirebrief'];
const quotesShortcut = 'wirebrief_quotes';

/** Words after "@Wirebrief" in a thread, and the command each one runs. */
const mentionWords: Readonly<Record<string, CommandName>> = { quotes: 'quote', quote: 'quote', article: 'article', news: 'news', digest: 'digest' };

/**
 * Every listener acks first (Slack allows 3 seconds), then does the work and answers through the
 * response_url or the Web API. A failure becomes an apology to the user and a log line, never silence.
 */
export function registerListeners(app: App, deps: CommandDeps, logger: Logger): void {
  async function answer(produce: () => Promise<Reply>, target: ReplyTarget): Promise<void> {
    let reply: Reply;
    try {
      reply = await produce();
    } catch (error) {
      const scope = missingScopeOf(error);
      logger.error({ err: error }, 'command failed');
      // A missing scope is not a passing fault: say which one, so the person can ask an admin to fix it.
      reply = scope ? notice(`Wirebrief cannot do that here: ${missingScopeAdvice(scope)}.`, 'error') : notice('Something went wrong on our side; please try again in a minute.', 'error');
    }
    try {
      await deliverReply(reply, target);
    } catch (error) {
      logger.error({ err: error, channel: target.channel }, 'could not deliver a reply');
    }
  }

  app.command(new RegExp(`^/(${slashCommands.join('|')})$`), async ({ command, ack, respond, client }) => {
    await ack();
    const name = command.command.slice(1) as CommandName;
    const asker = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
    await answer(
      async () => runCommand({ name, text: typedText(command.text), ctx: await commandContext(client, logger, asker, name === 'wirebrief') }, deps),
      { client, logger, channel: command.channel_id, user: command.user_id, respond },
    );
  });

  app.action(/^wb1:/, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const decoded = decodeAction(action.value ?? '') ?? ('action_id' in action ? decodeAction(action.action_id) : undefined);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const team = body.team?.id ?? body.user.team_id;
    if (!decoded || !channel || !team) {
      logger.warn('ignored a button press that does not decode');
      return;
    }
    const target: ReplyTarget = { client, logger, channel, user: body.user.id, respond, replaceOriginal: decoded.kind === 'page' };
    const ctx = await commandContext(client, logger, { teamId: team, channelId: channel, userId: body.user.id }, false);
    await answer(async () => {
      const reply = await runAction({ action: decoded, ctx }, deps);
      const card = reply.blocks[0];
      if (decoded.kind !== 'discuss' || card?.kind !== 'story') return reply;
      const ephemeral = body.container?.is_ephemeral === true;
      return openDiscussion(reply, card.story.storyId, {
        client,
        channel,
        ...(ephemeral || !body.message?.ts ? {} : { messageTs: body.message.ts }),
        ...(ephemeral || !body.message?.thread_ts ? {} : { threadTs: body.message.thread_ts as string }),
      });
    }, target);
  });

  app.event('app_mention', async ({ event, body, client }) => {
    const [word = '', ...rest] = event.text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').trim().split(/\s+/);
    const name = mentionWords[word.toLowerCase()];
    const user = event.user ?? '';
    const threadStoryId = event.thread_ts ? await threadStory(client, event.channel, event.thread_ts) : undefined;
    const asker = { teamId: body.team_id, channelId: event.channel, userId: user, ...(threadStoryId ? { threadStoryId } : {}) };
    await answer(
      async () =>
        name
          ? runCommand({ name, text: rest.join(' '), ctx: await commandContext(client, logger, asker, false) }, deps)
          : notice('Mention me with "quotes" or "article" in a story\'s thread, or "news <words>" anywhere.'),
      { client, logger, channel: event.channel, user, threadTs: event.thread_ts ?? event.ts },
    );
  });

  app.shortcut({ type: 'message_action', callback_id: quotesShortcut }, async ({ ack, shortcut, respond, client }) => {
    await ack();
    const threadTs = shortcut.message.thread_ts ?? shortcut.message.ts;
    const channel = shortcut.channel.id;
    const target: ReplyTarget = { client, logger, channel, user: shortcut.user.id, respond };
    await answer(async () => {
      const threadStoryId = await threadStory(client, channel, threadTs);
      if (!threadStoryId) return notice('Use this on a message in a story\'s thread: press Discuss on a digest story to start one.');
      const ctx = await commandContext(client, logger, { teamId: shortcut.team?.id ?? '', channelId: channel, userId: shortcut.user.id, threadStoryId }, false);
      return runCommand({ name: 'quote', text: '', ctx }, deps);
    }, target);
  });
}
