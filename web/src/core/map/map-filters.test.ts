import { describe, expect, it } from 'vitest';
import {
  filtersActive,
  formatFilters,
  NO_FILTERS,
  parseFilters,
  passesFilters,
  withClusterToggled,
} from './map-filters.ts';

const topic = (
  paperCount: number,
  year: number | undefined,
  codeShare: number,
  repositoryCount = 0,
) => ({
  kind: 'topic' as const,
  paperCount,
  cluster: 0,
  ...(year === undefined ? {} : { year }),
  codeShare,
  repositoryCount,
});

describe('passesFilters', () => {
  it('hides rare topics, topics without code, and topics outside the year range', () => {
    expect(passesFilters(topic(1, undefined, 0), NO_FILTERS)).toBe(true);
    expect(passesFilters(topic(2, 2020, 0), { ...NO_FILTERS, minPapers: 3 })).toBe(false);
    expect(passesFilters(topic(3, 2020, 0), { ...NO_FILTERS, minPapers: 3 })).toBe(true);
    expect(passesFilters(topic(3, 2020, 0), { ...NO_FILTERS, withCode: true })).toBe(false);
    expect(passesFilters(topic(3, 2020, 0.2, 1), { ...NO_FILTERS, withCode: true })).toBe(true);
    // A topic whose papers link a repository they only promise, or a dataset, has code or data.
    expect(passesFilters(topic(3, 2020, 0, 2), { ...NO_FILTERS, withCode: true })).toBe(true);
    // A paper: released code only.
    const paperNode = (codeShare: number) => ({
      ...topic(1, 2020, codeShare, 1),
      kind: 'paper' as const,
    });
    expect(passesFilters(paperNode(0), { ...NO_FILTERS, withCode: true })).toBe(false);
    expect(passesFilters(paperNode(1), { ...NO_FILTERS, withCode: true })).toBe(true);
    const range = { ...NO_FILTERS, yearFrom: 2021, yearTo: 2023 };
    expect(passesFilters(topic(3, 2020.9, 0), range)).toBe(false);
    expect(passesFilters(topic(3, 2021, 0), range)).toBe(true);
    expect(passesFilters(topic(3, 2023.6, 0), range)).toBe(true); // within the year 2023
    expect(passesFilters(topic(3, 2024, 0), range)).toBe(false);
    expect(passesFilters(topic(3, undefined, 0), range)).toBe(false);
    // Typed the wrong way round, the same range.
    const reversed = { ...NO_FILTERS, yearFrom: 2023, yearTo: 2021 };
    expect(passesFilters(topic(3, 2022, 0), reversed)).toBe(true);
    expect(passesFilters(topic(3, 2023.6, 0), reversed)).toBe(true);
    expect(passesFilters(topic(3, 2024, 0), reversed)).toBe(false);
  });

  it('hides the clusters switched off; applies papers per topic to topics only', () => {
    const hidden = { ...NO_FILTERS, hiddenClusters: [0, 4] };
    expect(passesFilters(topic(3, 2020, 0), hidden)).toBe(false);
    expect(passesFilters({ ...topic(3, 2020, 0), cluster: 2 }, hidden)).toBe(true);
    const paper = { ...topic(1, 2020, 1), kind: 'paper' as const };
    expect(passesFilters(paper, { ...NO_FILTERS, minPapers: 5 })).toBe(true);
    expect(passesFilters(paper, { ...NO_FILTERS, yearFrom: 2021 })).toBe(false);
  });
});

describe('withClusterToggled', () => {
  it('hides a cluster, keeping the list sorted, and shows it again', () => {
    const hidden = withClusterToggled({ ...NO_FILTERS, minPapers: 3, hiddenClusters: [4] }, 1);
    expect(hidden).toEqual({ ...NO_FILTERS, minPapers: 3, hiddenClusters: [1, 4] });
    expect(withClusterToggled(hidden, 4).hiddenClusters).toEqual([1]);
    expect(filtersActive(withClusterToggled(withClusterToggled(NO_FILTERS, 2), 2))).toBe(false);
  });
});

describe('filters in the URL', () => {
  it('round-trips, leaving other parameters alone and filters that are off out', () => {
    const filters = {
      minPapers: 5,
      yearFrom: 2020,
      yearTo: null,
      withCode: true,
      hiddenClusters: [2, 11],
    };
    const search = formatFilters('?color=year', filters);
    expect(search).toBe('?color=year&minPapers=5&from=2020&code=1&hide=2%2C11');
    expect(parseFilters(search)).toEqual(filters);
    expect(formatFilters(search, NO_FILTERS)).toBe('?color=year');
    expect(filtersActive(filters)).toBe(true);
    expect(filtersActive(parseFilters(''))).toBe(false);
  });

  it('ignores malformed values', () => {
    expect(parseFilters('?minPapers=-3&from=20x0&to=99999&code=yes')).toEqual(NO_FILTERS);
    expect(parseFilters('?minPapers=0')).toEqual(NO_FILTERS);
    expect(parseFilters('?hide=1,,2')).toEqual(NO_FILTERS);
    expect(parseFilters('?hide=3,1,3').hiddenClusters).toEqual([1, 3]);
  });
});
