// The keyphrase evaluation protocol of bench:terms, on examples computed by hand, and the
// quality floor of ingest/terms on a committed slice of its benchmark.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, stemPhrase } from '../bench/keyphrase.ts';
import { extractTerms } from '../ingest/terms/extract.ts';

describe('keyphrase evaluation', () => {
  it('compares phrases by lower-cased Porter stems of their tokens', () => {
    expect(stemPhrase('Structural Causal Models')).toBe(stemPhrase('structural causal model'));
    expect(stemPhrase('image-text matching')).toBe(stemPhrase('image text matching'));
    expect(stemPhrase('(LLMs),')).toBe('llm');
    expect(stemPhrase('causal model')).not.toBe(stemPhrase('causal modelling tool'));
  });

  it('counts a phrase once after stemming, and averages precision, recall and F1 per document', () => {
    const predicted = [
      // 'models' and 'model' are one prediction; 2 of the top 3 distinct ones match.
      ['causal model', 'causal models', 'confounder', 'graph'],
      // nothing predicted: P = R = F1 = 0.
      [],
    ];
    const gold = [['causal model', 'graph', 'treatment effect', 'instrument'], ['anything']];
    const scores = evaluate(predicted, gold, [2, 3]);
    // doc 1 @2: top 2 = causal model ✓, confounder ✗ → P 1/2, R 1/4, F1 1/3.
    expect(scores.get(2)).toEqual({ precision: 25, recall: 12.5, f1: 16.7 });
    // doc 1 @3: causal model ✓, confounder ✗, graph ✓ → P 2/3, R 2/4, F1 4/7.
    expect(scores.get(3)).toEqual({ precision: 33.3, recall: 25, f1: 28.6 });
  });

  it('refuses predictions and references of different lengths', () => {
    expect(() => evaluate([[]], [])).toThrow(RangeError);
  });
});

describe('key-term quality floor', () => {
  // 31 SemEval-2017 paragraphs with their keyphrases, every 16th of the development set
  // (fixtures/README.md). On them ingest/terms scored F1@10 32.8 (2026-11-23; the whole set,
  // `npm run bench:terms`: 32.4), rake-modified 23.9. The floor catches a sharp drop, not noise.
  const FLOOR_F1_AT_10 = 29;
  const documents = readFileSync(
    new URL('fixtures/semeval2017-subset.jsonl', import.meta.url),
    'utf8',
  )
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; text: string; keyphrases: string[] });

  it(`keeps F1@10 at ${FLOOR_F1_AT_10} or more on a committed SemEval-2017 subset`, () => {
    expect(documents).toHaveLength(31);
    const terms = extractTerms(
      documents.map(({ id, text }) => ({ id, text })),
      { topK: 15 },
    );
    const scores = evaluate(
      documents.map(({ id }) => (terms.get(id) ?? []).map((term) => term.key)),
      documents.map(({ keyphrases }) => keyphrases),
    );
    expect(scores.get(10)!.f1).toBeGreaterThanOrEqual(FLOOR_F1_AT_10);
    expect(scores.get(5)!.precision).toBeGreaterThanOrEqual(40);
  });
});
