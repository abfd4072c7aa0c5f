import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config.js';
import { inviteUrl, registerCommands } from '../../adapters/discord/register-commands.js';

function parseGuildId(value: string): string {
  if (!/^\d{5,25}$/.test(value)) throw new InvalidArgumentError('must be the numeric server (guild) id');
  return value;
}

export function register(program: Command): void {
  const discord = program.command('discord').description('set up the Discord bot');
  discord
    .command('register')
    .description('register the slash commands (bulk overwrite: safe to repeat) and print the invite URL')
    .option('--guild <id>', 'register in this server only (updates instantly; without it: globally)', parseGuildId)
    .action(async (options: { guild?: string }) => {
      const config = loadConfig();
      const missing = [config.DISCORD_TOKEN ? undefined : 'DISCORD_TOKEN', config.DISCORD_APPLICATION_ID ? undefined : 'DISCORD_APPLICATION_ID'].filter(Boolean);
      if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) throw new Error(`set ${missing.join(' and ')} first (Discord Developer Portal → your application)`);
      const result = await registerCommands({
        token: config.DISCORD_TOKEN.reveal(),
        applicationId: config.DISCORD_APPLICATION_ID,
        ...(options.guild ? { guildId: options.guild } : {}),
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      });
      const where = result.scope === 'guild' ? `in server ${options.guild}` : 'globally (may take up to an hour to appear)';
      process.stdout.write(`registered ${result.names.map((n) => `/${n}`).join(', ')} ${where}\n`);
      process.stdout.write(`invite the bot: ${inviteUrl(config.DISCORD_APPLICATION_ID)}\n`);
    });
}
