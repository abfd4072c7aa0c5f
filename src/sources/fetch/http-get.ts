import { Agent, request } from 'undici';
import { readBody } from './read-body.js';
import { defaultFetchLimits, type FetchLimits, type FetchOutcome, type Validators } from './fetch-types.js';

export interface HttpGetOptions {
  /** User-Agent with a contact (WIREBRIEF_USER_AGENT): sites block anonymous crawlers and need a way to reach us. */
  readonly userAgent: string;
  readonly limits?: Partial<FetchLimits>;
}

export type HttpGet = (url: string, validators?: Validators) => Promise<FetchOutcome>;

const accept = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

/**
 * One polite GET: conditional when validators are given (304 → not-modified), redirects followed by hand so a
 * loop or a long chain is named in the reason, body decoded and size-limited while streaming, and every
 * failure returned as a reason rather than thrown.
 */
export function createHttpGet(options: HttpGetOptions): HttpGet & { close(): Promise<void> } {
  const limits = { ...defaultFetchLimits, ...options.limits };
  const agent = new Agent({ connect: { timeout: limits.connectTimeoutMs }, headersTimeout: limits.totalTimeoutMs, bodyTimeout: limits.totalTimeoutMs });

  const get = async (start: string, validators: Validators = {}): Promise<FetchOutcome> => {
    const signal = AbortSignal.timeout(limits.totalTimeoutMs);
    const visited: string[] = [];
    let url = start;
    try {
      for (;;) {
        if (!/^https?:$/.test(new URL(url).protocol)) return { kind: 'failed', reason: `${url}: only http and https URLs can be fetched` };
        visited.push(url);
        const headers: Record<string, string> = { 'user-agent': options.userAgent, accept, 'accept-encoding': 'gzip, br, deflate' };
        // Validators belong to the URL they were issued for; a redirect target gets an unconditional request.
        if (visited.length === 1 && validators.etag) headers['if-none-match'] = validators.etag;
        if (visited.length === 1 && validators.lastModified) headers['if-modified-since'] = validators.lastModified;
        const response = await request(url, { method: 'GET', headers, dispatcher: agent, signal });
        const header = (name: string): string | undefined => {
          const value = response.headers[name];
          return Array.isArray(value) ? value[0] : value;
        };
        if (response.statusCode >= 300 && response.statusCode < 400 && response.statusCode !== 304) {
          await response.body.dump();
          const location = header('location');
          if (!location) return { kind: 'failed', reason: `${url}: HTTP ${response.statusCode} redirect without a Location` };
          const next = new URL(location, url).href;
          if (visited.includes(next)) return { kind: 'failed', reason: `${start}: redirect loop (${[...visited, next].join(' → ')})` };
          if (visited.length > limits.maxRedirects) return { kind: 'failed', reason: `${start}: more than ${limits.maxRedirects} redirects` };
          url = next;
          continue;
        }
        if (response.statusCode === 304) {
          await response.body.dump();
          return { kind: 'not-modified', url };
        }
        if (response.statusCode !== 200) {
          await response.body.dump();
          return { kind: 'failed', reason: `${url}: HTTP ${response.statusCode}` };
        }
        const body = await readBody(response.body, header('content-encoding'), limits.maxBytes);
        if (!body.ok) return { kind: 'failed', reason: `${url}: ${body.reason}` };
        const etag = header('etag');
        const lastModified = header('last-modified');
        return {
          kind: 'fetched',
          url,
          contentType: (header('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
          text: new TextDecoder('utf-8').decode(body.bytes),
          validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
        };
      }
    } catch (error) {
      return { kind: 'failed', reason: `${url}: ${describeNetworkError(error, signal, limits)}` };
    }
  };
  return Object.assign(get, { close: () => agent.close() });
}

function describeNetworkError(error: unknown, signal: AbortSignal, limits: FetchLimits): string {
  const tooSlow = `no complete response within ${limits.totalTimeoutMs / 1000} s`;
  if (signal.aborted) return tooSlow;
  const code = (error as { code?: string } | null)?.code;
  // undici's own timers and our total-time signal race at the same deadline; either way the cause is one.
  const known: Record<string, string> = {
    UND_ERR_CONNECT_TIMEOUT: `could not connect within ${limits.connectTimeoutMs / 1000} s`,
    UND_ERR_HEADERS_TIMEOUT: tooSlow,
    UND_ERR_BODY_TIMEOUT: tooSlow,
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'no such host',
    ECONNRESET: 'connection reset by the server',
  };
  if (code && known[code]) return known[code];
  if (error instanceof TypeError && /Invalid URL/i.test(error.message)) return 'not a valid URL';
  return error instanceof Error ? error.message : String(error);
}
