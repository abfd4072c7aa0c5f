import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One thing /healthz reports on: resolves when it is fine, rejects (or resolves false) when it is not. */
export type HealthCheck = () => Promise<boolean | void>;

export interface HealthReport {
  readonly status: 'ok' | 'failing';
  readonly pid: number;
  readonly checks: Readonly<Record<string, 'up' | 'down'>>;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A check that hangs counts as down: a load balancer must get its answer quickly. */
const checkTimeoutMs = 2000;

async function run(check: HealthCheck): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), checkTimeoutMs)));
  try {
    return (await Promise.race([check(), timeout])) === false ? 'down' : 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export async function healthReport(checks: Readonly<Record<string, HealthCheck>>): Promise<HealthReport> {
  const entries = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await run(check)] as const));
  return { status: entries.every(([, state]) => state === 'up') ? 'ok' : 'failing', pid: process.pid, checks: Object.fromEntries(entries) };
}

/**
 * GET /healthz → 200 with every check up, else 503; the body names each check (never an error text, which
 * could carry a connection string). Anything else → 404.
 */
export async function startHealthServer(port: number, checks: Readonly<Record<string, HealthCheck>>, host: string): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== '/healthz') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try GET /healthz\n');
      return;
    }
    void healthReport(checks).then((report) => {
      res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(`${JSON.stringify(report)}\n`);
    });
  });
  server.listen(port, host);
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
