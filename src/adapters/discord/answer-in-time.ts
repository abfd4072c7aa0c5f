import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { Reply } from '../../core/message.js';
import type { DiscordMessage } from '../../render/discord-types.js';
import { replyOptions } from './message-options.js';
import { redact } from './redact.js';

export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction;

export interface AnswerOptions {
  /**
   * Discord drops an interaction that is not answered within 3 s. Work that has not finished after this
   * long is deferred (type 5, or 6 for an in-place update) and the answer edits the original later.
   */
  readonly deferAfterMs: number;
  /** 'update' edits the message the button is on (Prev/Next); 'reply' answers with a new message. */
  readonly mode: 'reply' | 'update';
  /** A deferral fixes the visibility before the Reply exists: this is the guess it uses. */
  readonly expected: Reply['visibility'];
  readonly render: (reply: Reply) => readonly DiscordMessage[];
  readonly log: (message: string, detail: Record<string, unknown>) => void;
}

type Outcome = { readonly ok: true; readonly reply: Reply } | { readonly ok: false; readonly error: unknown };

const apology: Reply = {
  visibility: 'ephemeral',
  summary: 'Something went wrong on our side.',
  blocks: [{ kind: 'notice', level: 'error', text: 'Something went wrong on our side; nothing was changed. Please try again in a minute.' }],
};

/** Answers within Discord's deadline whatever the work costs; a thrown error becomes an apology, logged. */
export async function answerInTime(interaction: AnswerableInteraction, work: () => Promise<Reply>, options: AnswerOptions): Promise<void> {
  const pending: Promise<Outcome> = work().then(
    (reply) => ({ ok: true, reply }),
    (error: unknown) => ({ ok: false, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, options.deferAfterMs, undefined);
  });
  const early = await Promise.race([pending, late]);
  clearTimeout(timer);
  const deferred = early === undefined;
  if (deferred) {
    if (options.mode === 'update' && interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply(options.expected === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
  }
  const outcome = early ?? (await pending);
  if (!outcome.ok) options.log('discord: command failed', { error: redact(outcome.error), interaction: interaction.id });
  const reply = outcome.ok ? outcome.reply : apology;
  // After a deferral the visibility is the guessed one; a mismatch still shows the answer to the asker.
  const visibility = deferred ? options.expected : reply.visibility;
  const [head, ...rest] = options.render(reply);
  if (head) {
    const body = replyOptions(head, visibility);
    if (deferred) await interaction.editReply({ ...body, flags: undefined });
    else if (options.mode === 'update' && interaction.isButton()) await interaction.update({ ...body, flags: undefined });
    else await interaction.reply(body);
  }
  for (const message of rest) await interaction.followUp(replyOptions(message, visibility));
}
