import { describe, expect, it } from 'vitest';
import { mapStatus } from './map-status.ts';

const ready = { status: 'ready' };
const idle = { status: 'idle' };
const base = {
  view: 'topics' as const,
  topicMap: ready,
  paperMap: idle,
  focus: idle,
  papers: 176,
  opened: 0,
  order: 249,
};

describe('mapStatus', () => {
  it('is null when there is a map to draw, and says why not otherwise', () => {
    expect(mapStatus(base)).toBeNull();
    expect(mapStatus({ ...base, order: null })).toEqual({ kind: 'loading', view: 'topics' });
    expect(mapStatus({ ...base, papers: 0 })).toEqual({ kind: 'empty' });
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
    const focus = { ...base, view: 'focus' as const, opened: 1 };
    const unknown = { status: 'error', error: { message: 'no topic "x"', status: 404 } };
    expect(mapStatus({ ...focus, focus: unknown })).toEqual({
      kind: 'not-found',
      message: 'no topic "x"',
    });
    expect(mapStatus({ ...focus, opened: 0, order: null })).toEqual({ kind: 'no-focus' });
  });
});
