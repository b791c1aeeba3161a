import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../server/api/types.ts';
import { groupSearchHits, hitAt, moveActive } from './search-results.ts';
import { ApiError } from '../api.ts';
import { SEARCH_MAX_LENGTH, searchErrorMessage, searchQuery } from './use-search.ts';

const hits: SearchHit[] = [
  { kind: 'paper', id: '2511.08577', label: 'Think-at-Hard' },
  { kind: 'topic', id: 'latent iteration', label: 'latent iteration', detail: '2 papers' },
  { kind: 'repository', id: 'github.com/thu-nics/tah', label: 'thu-nics/TaH' },
  { kind: 'topic', id: 'latent space', label: 'latent space' },
];

describe('groupSearchHits', () => {
  it('groups topics, papers, repositories in that order, keeping rank within a group', () => {
    const groups = groupSearchHits(hits);
    expect(groups.map((group) => group.kind)).toEqual(['topic', 'paper', 'repository']);
    expect(groups[0]?.hits.map(({ hit, index }) => [hit.id, index])).toEqual([
      ['latent iteration', 0],
      ['latent space', 1],
    ]);
    expect(hitAt(groups, 2)?.id).toBe('2511.08577');
    expect(hitAt(groups, 3)?.id).toBe('github.com/thu-nics/tah');
    expect(hitAt(groups, 4)).toBeUndefined();
  });

  it('keeps at most perKind hits of each kind', () => {
    const groups = groupSearchHits(hits, 1);
    expect(groups.map((group) => group.hits.map(({ hit }) => hit.id))).toEqual([
      ['latent iteration'],
      ['2511.08577'],
      ['github.com/thu-nics/tah'],
    ]);
    expect(hitAt(groups, 2)?.kind).toBe('repository');
  });

  it('puts the papers having the query as a phrase first, apart from the others', () => {
    const paper = (id: string, phrase: boolean): SearchHit => ({
      kind: 'paper',
      id,
      label: id,
      phrase,
    });
    const groups = groupSearchHits(
      [paper('a', false), paper('b', true), hits[1]!, paper('c', false)],
      6,
      'difference in differences',
    );
    expect(
      groups.map((group) => [group.key, group.title, group.hits.map(({ hit }) => hit.id)]),
    ).toEqual([
      ['topic', 'Topics', ['latent iteration']],
      ['paper:phrase', 'Papers with “difference in differences”', ['b']],
      ['paper:words', 'Papers with its words apart', ['a', 'c']],
    ]);
    expect(hitAt(groups, 1)?.id).toBe('b');
    // None has the phrase: the one group says so.
    const none = groupSearchHits([paper('a', false)], 6, 'difference in differences');
    expect(none.map((group) => group.title)).toEqual([
      'No paper has “difference in differences” as a phrase; papers with its words',
    ]);
  });

  it('puts the paper an identifier names first, on its own', () => {
    const named: SearchHit = { kind: 'paper', id: '2511.08577', label: 'TaH', identified: true };
    const other: SearchHit = { kind: 'paper', id: 'x', label: 'x', phrase: false };
    const groups = groupSearchHits([other, named], 6, 'https://arxiv.org/abs/2511.08577');
    expect(
      groups.map((group) => [group.key, group.title, group.hits.map(({ hit }) => hit.id)]),
    ).toEqual([
      ['paper:identifier', 'The paper it names', ['2511.08577']],
      ['paper:words', 'Papers with its words apart', ['x']],
    ]);
    expect(hitAt(groups, 0)?.id).toBe('2511.08577');
  });

  it('leaves out empty groups', () => {
    expect(groupSearchHits([])).toEqual([]);
  });
});

describe('moveActive', () => {
  it('wraps around and starts from either end', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});

describe('search queries', () => {
  it('trims and caps what was typed at the API limit', () => {
    expect(searchQuery('  causal  ')).toBe('causal');
    expect(searchQuery(' \t ')).toBe('');
    expect(searchQuery('causal\tinference\u0000')).toBe('causal inference');
    expect(searchQuery('x'.repeat(250))).toHaveLength(SEARCH_MAX_LENGTH);
  });

  it('words failures for readers, not with the raw API message', () => {
    const raw = 'querystring/q must NOT have more than 200 characters';
    expect(searchErrorMessage(new ApiError(raw, 400, '/api/search'))).not.toContain(raw);
    expect(searchErrorMessage(new ApiError('down', 0, '/api/search'))).toMatch(/reached/);
    expect(searchErrorMessage(new ApiError('boom', 500, '/api/search'))).toMatch(/try again/);
  });
});
