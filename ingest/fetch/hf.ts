/**
 * Hugging Face Daily Papers (`huggingface.co/api/daily_papers`) as a paged source: one page a
 * day, from a first day to a last. A day not over yet (UTC) is fetched again on every run: its
 * listing still grows. A Hugging Face Papers page URL (`huggingface.co/papers?date=…`,
 * `/papers/date/…`, `/papers/week/…`, `/papers/month/…`) asks for the listing it shows.
 */
import { IngestError } from '../errors.ts';
import {
  fetchPages,
  type FetchResult,
  type PagedFetchOptions,
  type PageRead,
} from './paged-fetch.ts';

export const HF_API = 'https://huggingface.co/api/daily_papers';
export const HF_INTERVAL_MS = 1_000;
/** Papers asked per listing: above any day's count so far. */
const HF_LIMIT = 100;

/** The listings to fetch: each day from `from` to `to`, or one week or month. */
export type HfListing =
  | { kind: 'days'; from: string; to: string }
  | { kind: 'week'; week: string }
  | { kind: 'month'; month: string };

export interface HfFetchOptions extends PagedFetchOptions {
  listing: HfListing;
  baseUrl?: string;
  /** Today, as YYYY-MM-DD (UTC); given in tests. */
  today?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The listing a Hugging Face Papers page URL shows; undefined for any other URL. */
export function hfListingOf(url: string, today: string): HfListing | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.hostname !== 'huggingface.co' || !/^\/papers(\/|$)/.test(parsed.pathname)) {
    return undefined;
  }
  const [, , kind, value] = parsed.pathname.split('/');
  const date = (kind === 'date' ? value : undefined) ?? parsed.searchParams.get('date');
  const week = (kind === 'week' ? value : undefined) ?? parsed.searchParams.get('week');
  const month = (kind === 'month' ? value : undefined) ?? parsed.searchParams.get('month');
  if (date && DAY.test(date)) return { kind: 'days', from: date, to: date };
  if (week && /^\d{4}-W\d{2}$/.test(week)) return { kind: 'week', week };
  if (month && /^\d{4}-\d{2}$/.test(month)) return { kind: 'month', month };
  if (parsed.pathname.replace(/\/$/, '') === '/papers' && ![...parsed.searchParams].length) {
    return { kind: 'days', from: today, to: today };
  }
  return undefined;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function readPage(body: string, name: string): PageRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new IngestError(
      'hf-fetch',
      name,
      undefined,
      `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(parsed)) {
    throw new IngestError('hf-fetch', name, undefined, 'not a Daily Papers list (no JSON array)');
  }
  return { entries: parsed.length };
}

export function fetchHfDailyPapers(options: HfFetchOptions): Promise<FetchResult> {
  const baseUrl = options.baseUrl ?? HF_API;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { listing } = options;
  const ref = (key: string, param: string) => ({
    key,
    url: `${baseUrl}?${new URLSearchParams({ [param]: key, limit: String(HF_LIMIT) })}`,
  });
  const first =
    listing.kind === 'days'
      ? ref(listing.from, 'date')
      : listing.kind === 'week'
        ? ref(listing.week, 'week')
        : ref(listing.month, 'month');
  return fetchPages<PageRead>(
    {
      name: 'Hugging Face Daily Papers',
      folder: 'hf',
      extension: '.json',
      // Every day's listing in one folder: a page is a day, whatever fetch asked for it.
      cacheKey:
        listing.kind === 'days' ? { listing: 'days' } : { listing: listing.kind, first: first.key },
      first: () => first,
      read: readPage,
      next: (current) => {
        if (listing.kind !== 'days') return undefined;
        const day = nextDay(current.key);
        return day <= listing.to && day <= today ? ref(day, 'date') : undefined;
      },
      // Today's listing, this week's or this month's may still grow.
      keep: (current) =>
        listing.kind === 'days'
          ? current.key < today
          : listing.kind === 'week'
            ? false
            : current.key < today.slice(0, 7),
    },
    options,
  );
}
