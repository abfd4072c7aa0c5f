import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** What one path serves. A `body` function is called per request (feeds that change between fetches). */
export interface Route {
  readonly body: string | (() => string);
  readonly contentType?: string;
  /** Answer If-None-Match / If-Modified-Since with 304 while the body is unchanged (default true). */
  readonly conditional?: boolean;
  readonly gzip?: boolean;
  /** The answer waits until this settles: a slow site, released by the test when it chooses. */
  readonly hold?: Promise<void>;
}

export interface RecordedRequest {
  readonly path: string;
  readonly host: string;
  readonly status: number;
  /** The test's simulated time when the request arrived (see `now`). */
  readonly at: number;
  readonly conditional: boolean;
  /** The ETag of what the path served at that moment (empty for the misbehaving paths). */
  readonly etag: string;
}

/**
 * A local news site on 127.0.0.1 for the feed tests: feeds and pages with ETag/Last-Modified (304s), plus the
 * ways real sites go wrong: a server that never answers, a response over the size limit (with a Content-Length
 * that lies), a redirect loop, a redirect chain. Every request is recorded.
 */
export class NewsServer {
  readonly requests: RecordedRequest[] = [];
  /** Paths in the order their requests arrived, answered or not yet (a held one is in `requests` only once answered). */
  readonly arrived: string[] = [];
  /** The most requests this server had open at once (a polite client keeps it at 1 per host). */
  maxOpen = 0;
  #open = 0;
  /** The simulated time stamped on incoming requests (tests point it at their clock). */
  now: () => number = () => 0;
  readonly #routes = new Map<string, Route>();
  readonly #server: Server;
  readonly #held = new Set<ServerResponse>();
  #base = '';

  constructor() {
    this.#server = createServer((request, response) => this.#handle(request, response));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.#base = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#base;
  }

  get base(): string {
    return this.#base;
  }

  route(path: string, route: Route): this {
    this.#routes.set(path, route);
    return this;
  }

  async close(): Promise<void> {
    for (const response of this.#held) response.destroy();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    this.maxOpen = Math.max(this.maxOpen, ++this.#open);
    response.once('close', () => this.#open--);
    const path = new URL(request.url ?? '/', this.#base).pathname;
    this.arrived.push(path);
    const route = this.#routes.get(path);
    if (route?.hold) {
      this.#held.add(response);
      void route.hold.then(() => {
        this.#held.delete(response);
        if (!response.destroyed) this.#answer(request, response);
      });
      return;
    }
    this.#answer(request, response);
  }

  #answer(request: IncomingMessage, response: ServerResponse): void {
    const path = new URL(request.url ?? '/', this.#base).pathname;
    const conditional = request.headers['if-none-match'] !== undefined || request.headers['if-modified-since'] !== undefined;
    let etag = '';
    const record = (status: number): void => void this.requests.push({ path, host: request.headers.host ?? '', status, at: this.now(), conditional, etag });
    const special = this.#special(path, response);
    if (special !== undefined) {
      record(special);
      return;
    }
    const route = this.#routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      record(404);
      return;
    }
    const body = typeof route.body === 'function' ? route.body() : route.body;
    etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = 'Fri, 26 Dec 2025 06:00:00 GMT';
    if (route.conditional !== false && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      record(304);
      return;
    }
    const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8', etag, 'last-modified': lastModified };
    if (route.gzip) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body));
    } else {
      response.writeHead(200, headers).end(body);
    }
    record(200);
  }

  /** Paths that misbehave on purpose; returns the status recorded, or undefined for an ordinary route. */
  #special(path: string, response: ServerResponse): number | undefined {
    if (path === '/slow') {
      // Never answers: the client's timeout must end it. Held so close() can cut it.
      this.#held.add(response);
      return 0;
    }
    if (path === '/huge') {
      // 11 MB with no Content-Length: the limit must be enforced on what arrives.
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 11 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => undefined);
      pump();
      return 200;
    }
    const loop = /^\/loop-(a|b)$/.exec(path);
    if (loop) {
      response.writeHead(302, { location: loop[1] === 'a' ? '/loop-b' : '/loop-a' }).end();
      return 302;
    }
    const chain = /^\/chain-(\d+)$/.exec(path);
    if (chain) {
      const n = Number(chain[1]);
      response.writeHead(301, { location: n > 0 ? `/chain-${n - 1}` : '/rss2.xml' }).end();
      return 301;
    }
    return undefined;
  }
}
