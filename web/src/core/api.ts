/**
 * The typed client for the Topograph HTTP API. Every request goes through `fetchJson`, which
 * turns network failures, non-2xx answers and the server's `{statusCode, error, message}`
 * bodies into one `ApiError`, so views only ever handle "data" or "an error with a message".
 * Paths are built here with `encodeURIComponent`, because paper ids may be DOIs containing `/`.
 */
import type { ErrorResponse } from '../../../server/api/types.ts';

/** A failed API call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly path: string,
  ) {
    super(message);
  }
}

/** The API's paths, one per endpoint; ids and queries are URL-encoded. */
export const apiPaths = {
  stats: () => '/api/stats',
  topicMap: (limit: number) => `/api/topic-map?limit=${limit}`,
  paperMap: () => '/api/paper-map',
  paper: (id: string) => `/api/papers/${encodeURIComponent(id)}`,
  topic: (id: string) => `/api/topics/${encodeURIComponent(id)}`,
  repository: (id: string) => `/api/repositories/${encodeURIComponent(id)}`,
  search: (query: string, limit = 12) =>
    `/api/search?q=${encodeURIComponent(query)}&limit=${limit}`,
} as const;

function isErrorResponse(body: unknown): body is ErrorResponse {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}

/**
 * GET `path` and parse its JSON body as `T`. Rejects with `ApiError` on network failure,
 * on a non-2xx status (using the server's message when it sent one) and on a body that is not
 * JSON. An abort rejects with the DOMException `AbortError` untouched, so callers can ignore it.
 */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The Topograph server could not be reached. Is it running?', 0, path);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    body = undefined;
  }
  if (!response.ok) {
    const message = isErrorResponse(body)
      ? body.message
      : `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError(message, response.status, path);
  }
  if (body === undefined) {
    throw new ApiError('The server sent a response that is not JSON.', response.status, path);
  }
  // Trust boundary: the server is ours and its shapes are typed in server/api/types.ts.
  return body as T;
}

/** True for the rejection an aborted fetch produces; such requests were superseded, not failed. */
/** Any failure of a request to `path` as an ApiError (a network failure has status 0). */
export function toApiError(error: unknown, path: string): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(error instanceof Error ? error.message : String(error), 0, path);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
