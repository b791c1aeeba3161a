import { describe, expect, it } from 'vitest';
import { splitHighlights } from './split-highlights.ts';

// The sentence is from the abstract of "Causal Diffusion Autoencoders" in data/samples.
const ABSTRACT =
  'Specifically, causal modeling and controllable counterfactual generation using DPMs is an underexplored area.';

const marked = (text: string, labels: string[]) =>
  splitHighlights(
    text,
    labels.map((label) => ({ id: label, label })),
  )
    .filter((segment) => segment.term !== undefined)
    .map((segment) => segment.text);

describe('splitHighlights', () => {
  it('returns segments that concatenate back to the text', () => {
    const segments = splitHighlights(ABSTRACT, [
      { id: 'cf', label: 'counterfactual generation' },
      { id: 'dpm', label: 'DPM' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(ABSTRACT);
    expect(segments.filter((s) => s.term).map((s) => [s.text, s.term?.id])).toEqual([
      ['counterfactual generation', 'cf'],
      ['DPMs', 'dpm'],
    ]);
  });

  it('matches case-insensitively and keeps the original casing', () => {
    expect(marked('Causal Inference by string diagrams', ['causal inference'])).toEqual([
      'Causal Inference',
    ]);
  });

  it('prefers the longest overlapping term', () => {
    expect(marked('a causal inference method', ['causal', 'causal inference'])).toEqual([
      'causal inference',
    ]);
  });

  it('matches whole words only, with plural endings', () => {
    expect(marked('causality of causal effects', ['causal', 'effect'])).toEqual([
      'causal',
      'effects',
    ]);
    expect(marked('two latent spaces', ['latent space'])).toEqual(['latent spaces']);
  });

  it('matches both the expansion and the acronym of a label that names one', () => {
    // From the abstract of "Think-at-Hard" in data/samples.
    const text =
      'Large Language Models (LLMs) are constrained by a fixed budget; the LLM objective suffers.';
    const segments = splitHighlights(text, [{ id: 'llm', label: 'large language model (LLM)' }]);
    expect(segments.filter((s) => s.term).map((s) => [s.text, s.term?.id])).toEqual([
      ['Large Language Models', 'llm'],
      ['LLMs', 'llm'],
      ['LLM', 'llm'],
    ]);
    // A parenthesis that is not an acronym stays part of the label.
    expect(marked('the vector (ours) here', ['vector (ours)'])).toEqual(['vector (ours)']);
  });

  it('treats labels as text, not as regular expressions', () => {
    expect(marked('we use C++ and other tricks', ['c++', '.*', 'o.her'])).toEqual(['C++']);
    expect(marked('a+b', ['a+b'])).toEqual(['a+b']);
  });

  it('handles empty input and terms', () => {
    expect(splitHighlights('', [{ id: 'x', label: 'x' }])).toEqual([]);
    expect(splitHighlights('plain', [{ id: 'e', label: '  ' }])).toEqual([{ text: 'plain' }]);
  });

  it('leaves markup in the text as text', () => {
    const hostile = '<img src=x onerror=alert(1)> causal';
    const segments = splitHighlights(hostile, [{ id: 'c', label: 'causal' }]);
    expect(segments[0]).toEqual({ text: '<img src=x onerror=alert(1)> ' });
  });
});
