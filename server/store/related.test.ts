import { describe, expect, it } from 'vitest';
import { withSummaries } from './related.ts';

describe('withSummaries', () => {
  const topics = [
    { id: 'causal reasoning', label: 'causal reasoning' },
    { id: 'large language model', label: 'large language model (LLM)' },
    { id: 'benchmark', label: 'benchmark' },
  ];
  const ranked = [
    {
      id: 'b',
      score: 0.3,
      shared: [{ id: 'large language model', label: 'large language model (LLM)' }],
      phrases: ['models llms'],
    },
    { id: 'c', score: 0.1, shared: [], phrases: ['optics lenses'] },
    { id: 'd', score: 0.05, shared: [], phrases: ['lengths'] },
  ];
  const summaries = [
    {
      id: 'b',
      title: 'Benchmarking causal reasoning',
      published: '2024-01-02',
      abstract: 'Large language models reason causally? Two benchmarks of Causal Reasoning.',
      topics: [
        { id: 'benchmark', label: 'benchmark' },
        { id: 'llm causal reasoning', label: 'LLM causal reasoning' },
      ],
    },
    { id: 'c', title: 'Lenses', published: null, abstract: 'Thin lenses.', topics: [] },
    {
      id: 'd',
      title: 'Optics',
      published: null,
      abstract: 'Focal lengths.',
      topics: [{ id: 'counterfactual', label: 'counterfactual' }],
    },
  ];
  const paper = {
    title: 'A causal reasoning benchmark',
    abstract: 'Counterfactuals, for LLM causal reasoning.',
    topics,
  };

  it('gives as words the paper’s key terms the other’s text uses, stemmed, shared ones left out', () => {
    const [b, c, d] = withSummaries(ranked, summaries, paper);
    expect(b).toEqual({
      id: 'b',
      title: 'Benchmarking causal reasoning',
      published: '2024-01-02',
      score: 0.3,
      shared: ranked[0]!.shared,
      // "benchmarks" is "benchmark" (once, from either paper); "large language model" is
      // shared, so not repeated; a label's acronym is left out; "LLM causal reasoning" holds
      // "causal reasoning", given before it.
      phrases: ['causal reasoning', 'benchmark'],
    });
    // No key term in its text: the stored words stay.
    expect(c).toMatchObject({ id: 'c', phrases: ['optics lenses'] });
    expect(c).not.toHaveProperty('published');
    // Its own key terms that the paper's text uses, too.
    expect(d).toMatchObject({ id: 'd', phrases: ['counterfactual'] });
  });
});
