/**
 * Filters on the topic map: a minimum number of papers per topic, a range of mean publication
 * years, and topics with released code only. They hide topics (and so their links) for display
 * only, in the sigma reducers; the data graph keeps everything. They live in the URL's query
 * (`?minPapers=5&from=2020&to=2024&code=1`) beside the colour mode, so a link carries them.
 */
import type { TopicNodeAttributes } from '../../../../server/api/types.ts';

export interface MapFilters {
  /** Topics mentioned by fewer papers are hidden (1: none). */
  minPapers: number;
  /** Mean publication year range; a topic without a dated paper is hidden when either is set. */
  yearFrom: number | null;
  yearTo: number | null;
  /** Only topics at least one of whose papers links released code. */
  withCode: boolean;
}

export const NO_FILTERS: MapFilters = {
  minPapers: 1,
  yearFrom: null,
  yearTo: null,
  withCode: false,
};

const MAX_PAPERS = 1_000_000;

/** Whether a topic passes the filters. */
export function passesFilters(topic: TopicNodeAttributes, filters: MapFilters): boolean {
  if (topic.papers < filters.minPapers) return false;
  if (filters.withCode && !(topic.codeShare > 0)) return false;
  if (filters.yearFrom !== null || filters.yearTo !== null) {
    if (topic.year === undefined) return false;
    if (filters.yearFrom !== null && topic.year < filters.yearFrom) return false;
    if (filters.yearTo !== null && topic.year > filters.yearTo + 0.999) return false;
  }
  return true;
}

export function filtersActive(filters: MapFilters): boolean {
  return (
    filters.minPapers > 1 ||
    filters.yearFrom !== null ||
    filters.yearTo !== null ||
    filters.withCode
  );
}

/** Filters from a URL query; a malformed value is ignored (that filter is off). */
export function parseFilters(search: string): MapFilters {
  const params = new URLSearchParams(search);
  const whole = (name: string, min: number, max: number): number | null => {
    const text = params.get(name);
    if (text === null || !/^\d{1,7}$/.test(text)) return null;
    const value = Number(text);
    return value >= min && value <= max ? value : null;
  };
  return {
    minPapers: whole('minPapers', 1, MAX_PAPERS) ?? 1,
    yearFrom: whole('from', 1000, 9999),
    yearTo: whole('to', 1000, 9999),
    withCode: params.get('code') === '1',
  };
}

/** `search` with the filters written in (filters that are off are left out). */
export function formatFilters(search: string, filters: MapFilters): string {
  const params = new URLSearchParams(search);
  const put = (name: string, value: string | null) => {
    if (value === null) params.delete(name);
    else params.set(name, value);
  };
  put('minPapers', filters.minPapers > 1 ? String(filters.minPapers) : null);
  put('from', filters.yearFrom === null ? null : String(filters.yearFrom));
  put('to', filters.yearTo === null ? null : String(filters.yearTo));
  put('code', filters.withCode ? '1' : null);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
