/**
 * GET requests as a well-behaved API client makes them: one host at a time, at most one
 * request start per `minIntervalMs` (arXiv asks for one every 3 seconds), a descriptive
 * User-Agent, a timeout on each attempt (headers and body), and retries with exponential
 * backoff on network errors, timeouts, cut bodies, 429 and 5xx, waiting as long as a
 * `Retry-After` header asks (a host name that does not resolve is not asked again). Built on Node's own `fetch` (undici): ky and got add retries but
 * not a body read inside the timeout and the retry, nor a pace kept across retries, and ky 2
 * no longer runs on Node 20.
 */

export interface PoliteClientOptions {
  /** Sent as User-Agent: the tool, its version and where to reach its people. */
  userAgent: string;
  /** Least time between two request starts, retries included. */
  minIntervalMs: number;
  /** Longest time for one attempt, body included. */
  timeoutMs?: number;
  /** Attempts after the first. */
  retries?: number;
  /** Wait before the first retry without `Retry-After`; doubled each time. */
  backoffMs?: number;
  /** A longer `Retry-After` is not waited for: the request fails. */
  maxRetryAfterMs?: number;
  /** Told of every wait: for the rate limit, or before a retry (with why). */
  onWait?: (ms: number, reason: string) => void;
}

/** A request that failed for good: the host, and what went wrong on the last attempt. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly url: string,
    readonly reason: string,
    /** The HTTP status of the last response, if one came. */
    readonly status?: number,
  ) {
    // No answer at all (offline, refused, timed out): the host cannot be reached.
    super(
      `cannot ${status === undefined ? 'reach' : 'fetch from'} ${new URL(url).host}: ${reason}`,
    );
  }
}

export interface PoliteResponse {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  body: string;
}

export interface PoliteClient {
  get(url: string): Promise<PoliteResponse>;
  /** Requests sent so far, retries included. */
  readonly requests: number;
  /** Time spent waiting for the rate limit and before retries, in ms. */
  readonly waitedMs: number;
}

/** Statuses worth asking again: too many requests, and the server's own failures. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in ms: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A host name that does not resolve: asking again will not help (offline, or a typo). */
function unresolved(error: unknown): boolean {
  const cause =
    error instanceof Error ? (error as { cause?: { code?: unknown } }).cause : undefined;
  return cause?.code === 'ENOTFOUND';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no complete answer in time';
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : undefined;
    return detail ? `${error.message} (${detail})` : error.message;
  }
  return String(error);
}

export function createPoliteClient(options: PoliteClientOptions): PoliteClient {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 2_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
  let lastStart = -Infinity;
  let requests = 0;
  let waitedMs = 0;

  const wait = async (ms: number, reason: string) => {
    if (ms <= 0) return;
    options.onWait?.(ms, reason);
    waitedMs += ms;
    await sleep(ms);
  };

  const attempt = async (url: string): Promise<PoliteResponse & { retryAfter: string | null }> => {
    await wait(lastStart + options.minIntervalMs - performance.now(), 'rate limit');
    lastStart = performance.now();
    requests += 1;
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetch(url, {
      headers: { 'user-agent': options.userAgent },
      redirect: 'follow',
      signal,
    });
    // Read inside the same timeout: a body cut in the middle or stalled is an error here.
    const body = await response.text();
    const retryAfter = response.headers.get('retry-after');
    return { url: response.url || url, status: response.status, body, retryAfter };
  };

  return {
    get requests() {
      return requests;
    },
    get waitedMs() {
      return waitedMs;
    },
    async get(url) {
      for (let tried = 0; ; tried += 1) {
        let reason: string;
        let status: number | undefined;
        let retryAfter: number | undefined;
        try {
          const response = await attempt(url);
          if (response.status >= 200 && response.status < 300) {
            return { url: response.url, status: response.status, body: response.body };
          }
          status = response.status;
          reason = `HTTP ${response.status}${response.body ? `: ${response.body.trim().slice(0, 200)}` : ''}`;
          if (!RETRY_STATUSES.has(response.status)) throw new FetchError(url, reason, status);
          retryAfter = retryAfterMs(response.retryAfter);
        } catch (error) {
          if (error instanceof FetchError) throw error;
          reason = describe(error);
          if (unresolved(error)) {
            throw new FetchError(url, `${reason}: offline, or the address is mistyped`);
          }
        }
        if (tried >= retries) {
          throw new FetchError(url, `${reason} (after ${tried + 1} attempts)`, status);
        }
        if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) {
          throw new FetchError(
            url,
            `${reason}; asked to wait ${Math.round(retryAfter / 1000)} s`,
            status,
          );
        }
        await wait(retryAfter ?? backoffMs * 2 ** tried, `retry: ${reason}`);
      }
    },
  };
}
