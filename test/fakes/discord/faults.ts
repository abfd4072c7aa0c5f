/**
 * Failures a test can arm for the next N matching REST calls: error answers exactly as Discord gives them, and
 * the two ways a connection fails a client — `hang` (the request is never handled or answered, as when the
 * network or the process dies first) and `lose-response` (handled, then the connection drops before the answer).
 */
export type Fault =
  | { readonly kind: 'rate-limit'; readonly retryAfterMs: number; readonly global?: boolean }
  | { readonly kind: 'server-error'; readonly status?: 500 | 502 | 503 }
  | { readonly kind: 'missing-permissions' }
  | { readonly kind: 'unknown-channel' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'lose-response' };

export type AnsweredFault = Exclude<Fault, { readonly kind: 'hang' | 'lose-response' }>;

export interface FaultRule {
  readonly method?: string;
  /** Matched against the path below /api/v10, e.g. /^\/channels\/\d+\/messages$/. */
  readonly path: RegExp;
  readonly times?: number;
  /** Matching calls let through before the fault applies (e.g. 2: the third post fails). */
  readonly after?: number;
  readonly fault: Fault;
}

export interface FaultResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export class FaultPlan {
  readonly #rules: { rule: FaultRule; remaining: number; seen: number }[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times ?? 1, seen: 0 });
  }

  /** Counts the call against every matching rule, and consumes one use of the first that is due, if any. */
  take(method: string, path: string): Fault | undefined {
    const matching = this.#rules.filter(({ rule }) => (!rule.method || rule.method === method) && rule.path.test(path));
    for (const entry of matching) entry.seen += 1;
    const armed = matching.find((entry) => entry.remaining > 0 && entry.seen > (entry.rule.after ?? 0));
    if (!armed) return undefined;
    armed.remaining -= 1;
    return armed.rule.fault;
  }
}

export function respond(fault: AnsweredFault): FaultResponse {
  switch (fault.kind) {
    case 'rate-limit': {
      const seconds = (fault.retryAfterMs / 1000).toFixed(3);
      return {
        status: 429,
        headers: {
          'retry-after': seconds,
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': seconds,
          'x-ratelimit-bucket': 'fake-bucket',
          'x-ratelimit-scope': fault.global ? 'global' : 'user',
          ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
        },
        body: { message: 'You are being rate limited.', retry_after: Number(seconds), global: fault.global ?? false },
      };
    }
    case 'server-error':
      return { status: fault.status ?? 500, headers: {}, body: { message: '500: Internal Server Error', code: 0 } };
    case 'missing-permissions':
      return { status: 403, headers: {}, body: { message: 'Missing Permissions', code: 50013 } };
    case 'unknown-channel':
      return { status: 404, headers: {}, body: { message: 'Unknown Channel', code: 10003 } };
  }
}
