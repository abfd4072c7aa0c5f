import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local test server (trust auth); PGTEST_URL points elsewhere. */
export const serverUrl = process.env.PGTEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshDatabase {
  readonly url: string;
  /** Empties every table (the schema stays), so each test starts from an empty store. */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when the server answers. Under CI=true the caller must
 * fail instead of skipping: the backend is then required to be tested.
 */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL server answers at ${new URL(serverUrl).host} (${error instanceof Error ? error.message || error.name : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `wirebrief_test_<random>` on the server; drop() removes it (closing any connection left). */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const name = `wirebrief_test_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    truncate: async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const { rows } = await client.query<{ t: string }>("SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public'");
        if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((r) => r.t).join(', ')} RESTART IDENTITY CASCADE`);
      } finally {
        await client.end();
      }
    },
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
