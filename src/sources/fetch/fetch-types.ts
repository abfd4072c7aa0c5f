/** What a source remembers from its last good fetch, sent back as a conditional GET. */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchOutcome =
  | {
      readonly kind: 'fetched';
      /** The URL the body came from, after redirects. */
      readonly url: string;
      readonly contentType: string;
      /** Decoded (gzip/br/deflate undone) bytes as UTF-8 text. */
      readonly text: string;
      readonly validators: Validators;
    }
  | { readonly kind: 'not-modified'; readonly url: string }
  /** A one-line reason naming the URL (or the hop that failed) and what went wrong. */
  | { readonly kind: 'failed'; readonly reason: string };

export interface FetchLimits {
  /** Time to open the TCP connection (default 10 s). */
  readonly connectTimeoutMs: number;
  /** Whole request, first byte to last, redirects included (default 30 s). */
  readonly totalTimeoutMs: number;
  /** Decoded body limit, counted while streaming (default 10 MB). */
  readonly maxBytes: number;
  /** Redirect hops followed before giving up (default 5). */
  readonly maxRedirects: number;
}

export const defaultFetchLimits: FetchLimits = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

/** Time as sources see it: injected so tests simulate hours without waiting (scheduler's systemClock fits). */
export interface SourceClock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
