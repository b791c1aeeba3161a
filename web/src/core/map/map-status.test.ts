import { describe, expect, it } from 'vitest';
import { mapDescription, mapStatus } from './map-status.ts';

const ready = { status: 'ready' };
const idle = { status: 'idle' };
const base = {
  view: 'topics' as const,
  topicMap: ready,
  paperMap: idle,
  focus: idle,
  paperCount: 176,
  openedCount: 0,
  order: 249,
};

describe('mapStatus', () => {
  it('is null when there is a map to draw, and says why not otherwise', () => {
    expect(mapStatus(base)).toBeNull();
    expect(mapStatus({ ...base, order: null })).toEqual({ kind: 'loading', view: 'topics' });
    expect(mapStatus({ ...base, paperCount: 0 })).toEqual({ kind: 'empty' });
    expect(mapStatus({ ...base, order: 0 })).toEqual({ kind: 'empty' });
    const failed = { status: 'error', error: { message: 'no server', status: 500 } };
    expect(mapStatus({ ...base, topicMap: failed })).toEqual({
      kind: 'error',
      message: 'no server',
    });
    // The paper map's failure only counts in the paper view.
    expect(mapStatus({ ...base, paperMap: failed })).toBeNull();
    expect(mapStatus({ ...base, view: 'papers', paperMap: failed })?.kind).toBe('error');
  });

  it('tells an unknown focus node from a failure, and a focus with nothing opened', () => {
    const focus = { ...base, view: 'focus' as const, openedCount: 1 };
    const unknown = { status: 'error', error: { message: 'no topic "x"', status: 404 } };
    expect(mapStatus({ ...focus, focus: unknown })).toEqual({
      kind: 'not-found',
      message: 'no topic "x"',
    });
    expect(mapStatus({ ...focus, openedCount: 0, order: null })).toEqual({ kind: 'no-focus' });
  });
});

describe('mapDescription', () => {
  it('names the view, counts its nodes and says what colours them', () => {
    expect(mapDescription('topics', 249, 'cluster', false)).toBe(
      'Topic map: 249 topics, coloured by cluster',
    );
    expect(mapDescription('papers', 176, 'year', false)).toBe(
      'Paper map: 176 papers, coloured by publication year',
    );
    expect(mapDescription('topics', 249, 'code', false)).toBe(
      'Topic map: 249 topics, coloured by share of papers with code',
    );
    expect(mapDescription('focus', 12, 'year', true)).toBe(
      'Focus graph: 12 nodes, coloured by kind',
    );
  });
});
