import { describe, expect, it } from 'vitest';
import { formatDate, plural, relatedReason } from './format.ts';

describe('plural', () => {
  it('picks the noun form by count', () => {
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(0, 'paper')).toBe('0 papers');
    expect(plural(1200, 'repository', 'repositories')).toBe('1,200 repositories');
  });
});

describe('formatDate', () => {
  it('formats full and partial ISO dates', () => {
    expect(formatDate('2024-04-26')).toBe('26 Apr 2024');
    expect(formatDate('2024-04')).toBe('Apr 2024');
    expect(formatDate('2024')).toBe('2024');
  });

  it('passes through what it cannot read, and nothing for nothing', () => {
    expect(formatDate('last spring')).toBe('last spring');
    expect(formatDate(undefined)).toBeNull();
  });
});

describe('relatedReason', () => {
  const topic = (label: string) => ({ label });

  it('gives the shared topics, at most four, and no words when two topics or more explain it', () => {
    const shared = ['a', 'b', 'c', 'd', 'e'].map(topic);
    expect(relatedReason({ shared, phrases: ['x'] })).toBe('shares: a, b, c, d');
    expect(relatedReason({ shared: shared.slice(0, 2), phrases: ['x'] })).toBe('shares: a, b');
  });

  it('adds the shared words to a single topic, leaving out those the topic names', () => {
    expect(
      relatedReason({
        shared: [topic('large language model (LLM)')],
        phrases: ['language model', 'causal reasoning', 'benchmark', 'events', 'queries'],
      }),
    ).toBe('shares: large language model (LLM) · same words: causal reasoning, benchmark, events');
  });

  it('gives the shared words alone when no topic is shared, and nothing when neither is', () => {
    expect(relatedReason({ shared: [], phrases: ['causal effect', 'smoking'] })).toBe(
      'same words: causal effect, smoking',
    );
    expect(relatedReason({ shared: [], phrases: [] })).toBeUndefined();
  });
});
