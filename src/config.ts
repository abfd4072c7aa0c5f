import { inspect } from 'node:util';
import { z } from 'zod';

/**
 * The one reader of process.env. Parsed and validated once at start-up; every error names the variable
 * to fix. Tokens are wrapped in Secret so that logging or serialising the config can never print them.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === '' ? undefined : s));
const secret = (prefix: string | undefined, what: string) =>
  optionalString
    .refine((s) => s === undefined || prefix === undefined || s.startsWith(prefix), {
      message: `must be ${what} (it starts with "${prefix}")`,
    })
    .transform((s) => (s === undefined ? undefined : new Secret(s)));
const url = optionalString.refine((s) => s === undefined || URL.canParse(s), { message: 'must be a URL such as http://127.0.0.1:3000/api' });
const positiveInt = (fallback: number) =>
  optionalString.transform((s, ctx) => {
    if (s === undefined) return fallback;
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number above 0 (got "${s}")` });
      return z.NEVER;
    }
    return n;
  });
const timeZone = optionalString.refine(
  (s) => {
    if (s === undefined) return true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: s });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Berlin' },
);

const schema = z.object({
  WIREBRIEF_DATA_DIR: optionalString.transform((s) => s ?? './.wirebrief'),
  WIREBRIEF_SEEDS_DIR: optionalString.transform((s) => s ?? './seeds'),
  WIREBRIEF_DIGESTS_DIR: optionalString.transform((s) => s ?? './digests'),
  WIREBRIEF_SCHEDULE: optionalString.transform((s) => s ?? '0 8 * * 1-5'),
  WIREBRIEF_TIMEZONE: timeZone.transform((s) => s ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
  WIREBRIEF_MAX_STORIES: positiveInt(5),
  WIREBRIEF_CATCHUP_HOURS: positiveInt(6),
  WIREBRIEF_ADMINS: optionalString.transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [])),
  WIREBRIEF_USER_AGENT: optionalString.transform((s) => s ?? 'Wirebrief/0.1 (+https://github.com/wirebrief/wirebrief)'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional().transform((s) => s ?? 'info'),
  DATABASE_URL: optionalString.refine((s) => s === undefined || /^postgres(ql)?:\/\//.test(s), {
    message: 'must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/wirebrief',
  }),
  PORT: positiveInt(3000),
  /** Address the HTTP servers (Slack HTTP mode, /healthz) listen on; all interfaces unless narrowed. */
  HOST: optionalString.transform((s) => s ?? '0.0.0.0'),
  /** `serve`: GET /healthz on this port (store reachable, platform connections up); unset (0): no endpoint. */
  WIREBRIEF_HEALTH_PORT: positiveInt(0),
  /** `serve`: how long a digest claim holds before another process may take it over (longer than a send with retries). */
  WIREBRIEF_CLAIM_LEASE_SECONDS: positiveInt(600),
  SLACK_BOT_TOKEN: secret('xoxb-', 'a bot token'),
  SLACK_APP_TOKEN: secret('xapp-', 'an app-level token'),
  SLACK_SIGNING_SECRET: secret(undefined, 'the signing secret'),
  SLACK_API_URL: url,
  DISCORD_TOKEN: secret(undefined, 'a bot token'),
  DISCORD_APPLICATION_ID: optionalString.refine((s) => s === undefined || /^\d{5,25}$/.test(s), { message: 'must be the numeric application id' }),
  DISCORD_API_URL: url,
});

export type Config = z.output<typeof schema>;

/** Every variable Wirebrief reads, for the check that `.env.example` documents each one. */
export const configVariables: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
  }
  return parsed.data;
}

/** Every value the configuration holds that must never be printed: the Secret fields and a database password. */
export function secretValues(config: Config): string[] {
  const secrets = Object.values(config).filter((v): v is Secret => v instanceof Secret).map((s) => s.reveal());
  const password = config.DATABASE_URL ? decodeURIComponent(new URL(config.DATABASE_URL).password) : '';
  return password ? [...secrets, password] : secrets;
}
