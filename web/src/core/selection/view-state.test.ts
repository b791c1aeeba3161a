import { describe, expect, it } from 'vitest';
import { formatViewState, parseViewState, TOPIC_COUNTS } from './view-state.ts';

describe('view state in the URL', () => {
  it('round-trips the view, the expanded nodes, the topic count and the camera', () => {
    const state = {
      view: 'focus' as const,
      expanded: [
        { kind: 'topic' as const, id: 'causal graph' },
        { kind: 'paper' as const, id: '10.1/a:b' },
      ],
      topics: 2_000,
      camera: { x: 0.51234567, y: -0.25, ratio: 0.3 },
    };
    const search = formatViewState('?color=year', state);
    expect(search).toBe(
      '?color=year&view=focus&expand=topic%3Acausal+graph&expand=paper%3A10.1%2Fa%3Ab&topics=2000&camera=0.5123%2C-0.25%2C0.3',
    );
    expect(parseViewState(search)).toEqual({
      ...state,
      camera: { x: 0.5123, y: -0.25, ratio: 0.3 },
    });
  });

  it('leaves the defaults out, and expanded nodes outside the focus view', () => {
    const state = parseViewState('?color=code');
    expect(state).toEqual({
      view: 'topics',
      expanded: [],
      topics: TOPIC_COUNTS.default,
      camera: null,
    });
    expect(formatViewState('?color=code', state)).toBe('?color=code');
    expect(
      formatViewState('', { ...state, view: 'papers', expanded: [{ kind: 'topic', id: 'x' }] }),
    ).toBe('?view=papers');
  });

  it('ignores malformed values and clamps the topic count', () => {
    expect(parseViewState('?view=graph&expand=user:1&expand=topic:&camera=1,2&topics=abc')).toEqual(
      { view: 'topics', expanded: [], topics: TOPIC_COUNTS.default, camera: null },
    );
    expect(parseViewState('?camera=1,2,0').camera).toBeNull();
    expect(parseViewState('?camera=1e9,2,1').camera).toBeNull();
    expect(parseViewState('?topics=99999').topics).toBe(TOPIC_COUNTS.max);
    expect(parseViewState('?topics=3').topics).toBe(TOPIC_COUNTS.min);
    expect(parseViewState('?expand=topic:a&expand=topic:a').expanded).toHaveLength(1);
  });
});
