/**
 * Filters on the maps: a minimum number of papers per topic, a range of publication years (a
 * topic's mean year, a paper's own), topics with repositories or papers with released code
 * only, and clusters switched off in the
 * legend. They hide nodes (and so their links) for display only, in the sigma reducers; the
 * data graph keeps everything. They live in the URL's query
 * (`?minPapers=5&from=2020&to=2024&code=1&hide=3,7`) beside the colour mode, so a link
 * carries them.
 */
import type { MapNodeAttributes } from './map-graph.ts';

export interface MapFilters {
  /** Topics mentioned by fewer papers are hidden (1: none). */
  minPapers: number;
  /** Mean publication year range; a topic without a dated paper is hidden when either is set. */
  yearFrom: number | null;
  yearTo: number | null;
  /**
   * Only topics one of whose papers links a repository (code or data, released or promised:
   * what the topic panel lists; "with released code" hid topics whose panel listed
   * repositories), and only papers that link released code.
   */
  withCode: boolean;
  /** Clusters switched off in the legend, ascending. */
  hiddenClusters: number[];
}

export const NO_FILTERS: MapFilters = {
  minPapers: 1,
  yearFrom: null,
  yearTo: null,
  withCode: false,
  hiddenClusters: [],
};

const MAX_PAPERS = 1_000_000;

/** Whether a topic or paper passes the filters (papers per topic only applies to topics). */
export function passesFilters(
  node: Pick<
    MapNodeAttributes,
    'kind' | 'paperCount' | 'codeShare' | 'repositoryCount' | 'year' | 'cluster'
  >,
  filters: MapFilters,
): boolean {
  if (node.kind === 'topic' && node.paperCount < filters.minPapers) return false;
  if (filters.hiddenClusters.includes(node.cluster)) return false;
  if (filters.withCode) {
    const has = node.kind === 'topic' ? node.repositoryCount > 0 : node.codeShare > 0;
    if (!has) return false;
  }
  if (filters.yearFrom !== null || filters.yearTo !== null) {
    if (node.year === undefined) return false;
    // A range typed the wrong way round (2026 to 2020) is the range it names.
    const [from, to] =
      filters.yearFrom !== null && filters.yearTo !== null && filters.yearFrom > filters.yearTo
        ? [filters.yearTo, filters.yearFrom]
        : [filters.yearFrom, filters.yearTo];
    if (from !== null && node.year < from) return false;
    if (to !== null && node.year > to + 0.999) return false;
  }
  return true;
}

/** The filters with `cluster` hidden, or shown again when it was hidden (the legend's eye). */
export function withClusterToggled(filters: MapFilters, cluster: number): MapFilters {
  const hidden = filters.hiddenClusters.includes(cluster)
    ? filters.hiddenClusters.filter((id) => id !== cluster)
    : [...filters.hiddenClusters, cluster].sort((a, b) => a - b);
  return { ...filters, hiddenClusters: hidden };
}

export function filtersActive(filters: MapFilters): boolean {
  return (
    filters.minPapers > 1 ||
    filters.yearFrom !== null ||
    filters.yearTo !== null ||
    filters.withCode ||
    filters.hiddenClusters.length > 0
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
    hiddenClusters: parseClusterList(params.get('hide')),
  };
}

function parseClusterList(text: string | null): number[] {
  if (text === null || !/^\d{1,6}(,\d{1,6}){0,199}$/.test(text)) return [];
  return [...new Set(text.split(',').map(Number))].sort((a, b) => a - b);
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
  put('hide', filters.hiddenClusters.length > 0 ? filters.hiddenClusters.join(',') : null);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
