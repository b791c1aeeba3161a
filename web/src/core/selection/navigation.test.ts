import { describe, expect, it } from 'vitest';
import { focusAfter, urlAfterGoing, urlAfterSwitching } from './navigation.ts';
import { parseViewState } from './view-state.ts';

const a = { kind: 'topic', id: 'a' } as const;
const b = { kind: 'paper', id: 'b/1' } as const;

describe('focusAfter', () => {
  it('opens a drawn node beside the others, starts afresh from one not drawn', () => {
    expect(focusAfter(b, [a], true)).toEqual([a, b]);
    expect(focusAfter(a, [a, b], true)).toEqual([a, b]);
    expect(focusAfter(b, [a], false)).toEqual([b]);
  });
});

describe('urlAfterGoing', () => {
  it('changes only the hash outside the focus view, keeping the camera and the rest', () => {
    const search = '?color=year&camera=0.5%2C0.5%2C0.3';
    const from = { search, viewState: parseViewState(search), opened: [], drawn: false };
    expect(urlAfterGoing(b, from)).toEqual({ search, hash: '#/paper/b%2F1' });
    expect(urlAfterGoing(null, from)).toEqual({ search, hash: '' });
  });

  it('in the focus view, expands a drawn node beside the opened ones and drops the camera', () => {
    const search = '?view=focus&camera=0.5%2C0.5%2C0.3';
    const viewState = parseViewState(search);
    expect(urlAfterGoing(b, { search, viewState, opened: [a], drawn: true })).toEqual({
      search: '?view=focus&expand=topic%3Aa&expand=paper%3Ab%2F1',
      hash: '#/paper/b%2F1',
    });
    // A node not drawn starts a new focus graph around it.
    expect(urlAfterGoing(b, { search, viewState, opened: [a], drawn: false }).search).toBe(
      '?view=focus&expand=paper%3Ab%2F1',
    );
    // Closing the panel keeps the focus graph as it is.
    expect(urlAfterGoing(null, { search, viewState, opened: [a], drawn: false })).toEqual({
      search,
      hash: '',
    });
  });
});

describe('urlAfterSwitching', () => {
  it('keeps the selection, opens the focus view around it, and drops the camera', () => {
    const search = '?color=code&camera=0.5%2C0.5%2C0.3';
    const from = { search, hash: '#/topic/a', viewState: parseViewState(search), route: a };
    expect(urlAfterSwitching('focus', from)).toEqual({
      search: '?color=code&view=focus&expand=topic%3Aa',
      hash: '#/topic/a',
    });
    expect(urlAfterSwitching('papers', from)).toEqual({
      search: '?color=code&view=papers',
      hash: '#/topic/a',
    });
  });

  it('leaves the focus view without its expanded nodes, and opens it on nothing unselected', () => {
    const search = '?view=focus&expand=topic%3Aa';
    const viewState = parseViewState(search);
    expect(urlAfterSwitching('topics', { search, hash: '', viewState, route: null })).toEqual({
      search: '',
      hash: '',
    });
    expect(
      urlAfterSwitching('focus', { search: '', hash: '', viewState, route: null }).search,
    ).toBe('?view=focus');
  });
});
