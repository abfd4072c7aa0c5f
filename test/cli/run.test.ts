import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('wirebrief run (the local channel)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirebrief-run-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('--once composes, prints and archives one digest, then exits', async () => {
    const [data, digests] = [tempDir(), tempDir()];
    const result = await runCli(['run', '--once'], { WIREBRIEF_DATA_DIR: data, WIREBRIEF_DIGESTS_DIR: digests });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Wirebrief digest/m);
    expect(readdirSync(digests).filter((f) => f.endsWith('_local.md'))).toHaveLength(1);
  });

  it('keeps running on WIREBRIEF_SCHEDULE and exits cleanly on SIGTERM', async () => {
    const [data, digests] = [tempDir(), tempDir()];
    const result = await runCli(
      ['run'],
      { WIREBRIEF_DATA_DIR: data, WIREBRIEF_DIGESTS_DIR: digests, WIREBRIEF_SCHEDULE: '0 8 * * 1-5', WIREBRIEF_TIMEZONE: 'Europe/Berlin' },
      { untilStderr: /running: `0 8 \* \* 1-5` means weekdays at 08:00 Europe\/Berlin; next run/, then: 'SIGTERM' },
    );
    expect(result.stderr).toMatch(/SIGTERM: stopping/);
    expect(result.code).toBe(0);
  });

  it('names the variable when WIREBRIEF_SCHEDULE is not a valid schedule', async () => {
    const result = await runCli(['run'], { WIREBRIEF_DATA_DIR: tempDir(), WIREBRIEF_DIGESTS_DIR: tempDir(), WIREBRIEF_SCHEDULE: '0 8 * *' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/WIREBRIEF_SCHEDULE: `0 8 \* \*` has 4 fields/);
  });
});
