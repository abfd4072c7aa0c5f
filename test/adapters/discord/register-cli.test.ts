import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: '123456789012345678' });
});
afterAll(async () => {
  await fake.close();
});

function wirebrief(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr: stderr.split('\n').filter((l) => !l.startsWith('npm warn')).join('\n') }));
    child.on('error', fail);
  });
}

describe('wirebrief discord register', () => {
  it('bulk-overwrites the guild commands (twice, same result) and prints the invite URL', async () => {
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl };
    const first = await wirebrief(['discord', 'register', '--guild', fake.guildId], env);
    const second = await wirebrief(['discord', 'register', '--guild', fake.guildId], env);
    expect(first.stderr.trim()).toBe('');
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toContain(`registered /digest, /article, /quote, /news, /wirebrief in server ${fake.guildId}`);
    expect(first.stdout).toContain('scope=bot+applications.commands');
    expect(fake.state.guildCommands.get(fake.guildId)).toHaveLength(5);
    expect(first.stdout + first.stderr).not.toContain(fake.token);
  });

  it('names the missing variables instead of calling Discord', async () => {
    const result = await wirebrief(['discord', 'register'], { DISCORD_API_URL: fake.apiUrl });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  });
});
