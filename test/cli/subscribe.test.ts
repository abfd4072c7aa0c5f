import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('wirebrief subscribe / subscriptions / status / unsubscribe', () => {
  const data = mkdtempSync(join(tmpdir(), 'wirebrief-sub-'));
  const env = { WIREBRIEF_DATA_DIR: data, WIREBRIEF_TIMEZONE: 'UTC' };
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('creates a subscription and reads the schedule back in words', async () => {
    const result = await runCli(['subscribe', '0 8 * * 1-5', '--tz', 'Europe/Berlin', '--max', '3', '--topic', 'missile'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^subscribed s[0-9a-z]{6}: `0 8 \* \* 1-5` means weekdays at 08:00 Europe\/Berlin; next run (Mon|Tue|Wed|Thu|Fri) \d+ \w{3} 08:00\n$/);
  });

  it('explains a mistake instead of storing it', async () => {
    const result = await runCli(['subscribe', '0 25 * * *', '--tz', 'Mars/Olympus'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hour 25 is out of range 0–23');
    expect(result.stderr).toContain('time zone "Mars/Olympus" is not an IANA time zone name');
  });

  it('lists, shows status, and removes', async () => {
    const listed = await runCli(['subscriptions'], env);
    const id = /^(s[0-9a-z]{6}) {2}local {2}`0 8 \* \* 1-5` means weekdays at 08:00 Europe\/Berlin; next run .*\(max 3, topic "missile"\)$/m.exec(listed.stdout)?.[1];
    expect(id).toBeDefined();
    const status = await runCli(['status'], env);
    expect(status.stdout).toContain(`${id}  local`);
    expect(status.stdout).toMatch(/status: active\n {2}last delivery: none yet\n {2}next run: \w{3} \d+ \w{3} 08:00/);
    expect((await runCli(['unsubscribe', id!], env)).stdout).toBe(`unsubscribed ${id}\n`);
    const again = await runCli(['unsubscribe', id!], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no subscription "${id}"`);
  });
});
