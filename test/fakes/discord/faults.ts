/** Failures a test can arm for the next N matching REST calls, answered exactly as Discord answers them. */
export type Fault =
  | { readonly kind: 'rate-limit'; readonly retryAfterMs: number; readonly global?: boolean }
  | { readonly kind: 'server-error'; readonly status?: 500 | 502 | 503 }
  | { readonly kind: 'missing-permissions' }
  | { readonly kind: 'unknown-channel' };

export interface FaultRule {
  readonly method?: string;
  /** Matched against the path below /api/v10, e.g. /^\/channels\/\d+\/messages$/. */
  readonly path: RegExp;
  readonly times?: number;
  readonly fault: Fault;
}

export interface FaultResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export class FaultPlan {
  readonly #rules: { rule: FaultRule; remaining: number }[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times ?? 1 });
  }

  /** Consumes one use of the first armed rule that matches, if any. */
  take(method: string, path: string): FaultResponse | undefined {
    const armed = this.#rules.find(({ rule, remaining }) => remaining > 0 && (!rule.method || rule.method === method) && rule.path.test(path));
    if (!armed) return undefined;
    armed.remaining -= 1;
    return respond(armed.rule.fault);
  }
}

function respond(fault: Fault): FaultResponse {
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
