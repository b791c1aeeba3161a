import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, sameRoute } from './route.ts';

describe('route', () => {
  it('round-trips ids containing slashes, spaces and #', () => {
    for (const id of ['10.1145/3292500.3330656', '2511.08577', 'causal inference', 'c#/x%']) {
      const route = { kind: 'paper' as const, id };
      const hash = formatRoute(route);
      expect(hash.startsWith('#/paper/')).toBe(true);
      expect(hash.slice('#/paper/'.length)).not.toContain('/');
      expect(parseRoute(hash)).toEqual(route);
    }
  });

  it('formats no selection as an empty hash', () => {
    expect(formatRoute(null)).toBe('');
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#')).toBeNull();
  });

  it('rejects unknown kinds and malformed encodings', () => {
    expect(parseRoute('#/author/x')).toBeNull();
    expect(parseRoute('#/topic/%E0%A4%A')).toBeNull();
    expect(parseRoute('#/topic/')).toBeNull();
  });

  it('compares routes by value', () => {
    expect(sameRoute({ kind: 'topic', id: 'a' }, { kind: 'topic', id: 'a' })).toBe(true);
    expect(sameRoute({ kind: 'topic', id: 'a' }, { kind: 'paper', id: 'a' })).toBe(false);
    expect(sameRoute(null, null)).toBe(true);
  });
});
