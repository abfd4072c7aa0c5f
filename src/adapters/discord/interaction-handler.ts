import { Events, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Client, type Interaction } from 'discord.js';
import type { StoryId } from '../../core/article.js';
import type { Outgoing, Reply } from '../../core/message.js';
import type { DiscordMessage } from '../../render/discord-types.js';
import { decodeAction } from '../../render/action-id.js';
import { runAction, runCommand } from '../../commands/run-command.js';
import type { CommandDeps } from '../../commands/types.js';
import { answerInTime } from './answer-in-time.js';
import { maxChoices, type Completions } from './completions.js';
import { commandContext, commandInput, isCommandName } from './interaction-input.js';
import { redact } from './redact.js';
import { StoryThreads } from './story-threads.js';

export type RenderDiscord = (out: Outgoing) => readonly DiscordMessage[];
export type DiscordLog = (message: string, detail: Record<string, unknown>) => void;

export interface InteractionDeps {
  readonly commands: CommandDeps;
  readonly completions: Completions;
  readonly render: RenderDiscord;
  /** Defer work still running after this long (Discord's deadline is 3 s). Default 1500 ms. */
  readonly deferAfterMs?: number;
  readonly log: DiscordLog;
}

/** Autocomplete cannot be deferred: answer with no choices rather than miss the 3 s deadline. */
const autocompleteBudgetMs = 2000;

function notice(text: string): Reply {
  return { visibility: 'ephemeral', summary: text, blocks: [{ kind: 'notice', level: 'info', text }] };
}

/** Routes slash commands, autocomplete and buttons to the platform-neutral commands, answering in time. */
export class InteractionHandler {
  readonly threads = new StoryThreads();
  readonly #deferAfterMs: number;

  constructor(private readonly deps: InteractionDeps) {
    this.#deferAfterMs = deps.deferAfterMs ?? 1500;
  }

  attach(client: Client): void {
    client.on(Events.InteractionCreate, (interaction) => {
      this.handle(interaction).catch((error: unknown) => this.deps.log('discord: interaction failed', { error: redact(error), interaction: interaction.id }));
    });
  }

  async handle(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return this.#autocomplete(interaction);
    if (interaction.isChatInputCommand()) return this.#command(interaction);
    if (interaction.isButton()) return this.#button(interaction);
  }

  #render = (reply: Reply) => this.deps.render({ type: 'reply', reply });

  #answer(interaction: ChatInputCommandInteraction | ButtonInteraction, work: () => Promise<Reply>, mode: 'reply' | 'update', expected: Reply['visibility']) {
    return answerInTime(interaction, work, { deferAfterMs: this.#deferAfterMs, mode, expected, render: this.#render, log: this.deps.log });
  }

  async #command(interaction: ChatInputCommandInteraction): Promise<void> {
    const name = interaction.commandName;
    if (!isCommandName(name)) return this.#answer(interaction, async () => notice(`/${name} is not a Wirebrief command.`), 'reply', 'ephemeral');
    const subscribing = name === 'wirebrief' && interaction.options.getSubcommand(false) === 'subscribe';
    return this.#answer(
      interaction,
      async () => runCommand(commandInput(interaction, name, await this.threads.storyOf(interaction.channel)), this.deps.commands),
      'reply',
      subscribing ? 'channel' : 'ephemeral',
    );
  }

  async #button(interaction: ButtonInteraction): Promise<void> {
    const action = decodeAction(interaction.customId);
    if (!action) return this.#answer(interaction, async () => notice('This button no longer works; run the command again.'), 'reply', 'ephemeral');
    const ctx = commandContext(interaction, await this.threads.storyOf(interaction.channel));
    const run = () => runAction({ action, ctx }, this.deps.commands);
    switch (action.kind) {
      case 'page':
        // Prev/Next turn the page in place, on the ephemeral message the buttons are on.
        return this.#answer(interaction, run, 'update', 'ephemeral');
      case 'share':
        return this.#answer(interaction, run, 'reply', 'channel');
      case 'discuss':
        return this.#answer(interaction, () => this.#discuss(interaction, run), 'reply', 'ephemeral');
      default:
        return this.#answer(interaction, run, 'reply', 'ephemeral');
    }
  }

  async #discuss(interaction: ButtonInteraction, run: () => Promise<Reply>): Promise<Reply> {
    const card = await run();
    // runAction answers a story that is gone with an ephemeral notice; a card is for the channel.
    if (card.visibility !== 'channel') return card;
    const story = card.blocks.find((b) => b.kind === 'story');
    const storyId = (story?.kind === 'story' ? story.story.storyId : decodeAction(interaction.customId)!.value) as StoryId;
    return notice(await this.threads.discuss(interaction, storyId, card, this.#render));
  }

  async #autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const lookup = interaction.commandName === 'quote' ? this.deps.completions.speakers : this.deps.completions.articles;
    let timer: NodeJS.Timeout | undefined;
    const choices = await Promise.race([
      lookup(String(focused.value)).catch((error: unknown) => {
        this.deps.log('discord: autocomplete failed', { error: redact(error) });
        return [];
      }),
      new Promise<[]>((resolve) => {
        timer = setTimeout(resolve, autocompleteBudgetMs, []);
      }),
    ]);
    clearTimeout(timer);
    await interaction.respond(choices.slice(0, maxChoices));
  }
}
