import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLucene, lucenePhrase, luceneQuery } from './lucene.ts';

describe('lucenePhrase', () => {
  it('joins two words or more into one phrase, titles weighing ten times; syntax goes', () => {
    expect(lucenePhrase('Difference-in-differences')).toBe(
      'title:"difference in differences"^10 abstract:"difference in differences"',
    );
    expect(lucenePhrase('a" OR title:*b')).toBe('title:"a or title b"^10 abstract:"a or title b"');
    expect(lucenePhrase('causal')).toBeUndefined();
    expect(lucenePhrase('"*')).toBeUndefined();
  });
});

describe('luceneQuery', () => {
  it('requires every word, the last also as a prefix, titles weighing ten times', () => {
    expect(luceneQuery('Causal infer')).toBe(
      '+(title:causal^10 abstract:causal) ' +
        '+(title:infer^10 abstract:infer title:infer*^10 abstract:infer*)',
    );
  });

  it('makes a last word that is an English stop word a preference, not a requirement', () => {
    // The analyzer drops "of" from the index: a required `of*` could only match "offer".
    expect(luceneQuery('effects of')).toBe(
      '+(title:effects^10 abstract:effects) (title:of*^10 abstract:of*)',
    );
    expect(luceneQuery('The')).toBe('(title:the*^10 abstract:the*)');
    // Earlier stop words stay: the analyzer removes them from the query itself.
    expect(luceneQuery('role of the model')).toMatch(
      /^\+\(title:role\^10 [^)]*\) \+\(title:of\^10/,
    );
  });

  it('keeps only letters and digits, lower-cased: operators and syntax become words or go', () => {
    expect(luceneQuery('a OR b')).toBe(
      '+(title:a^10 abstract:a) +(title:or^10 abstract:or) +(title:b^10 abstract:b title:b*^10 abstract:b*)',
    );
    expect(luceneQuery('title:x* "NEAR(" ~2 -y')).toBe(
      '+(title:title^10 abstract:title) +(title:x^10 abstract:x) +(title:near^10 abstract:near) ' +
        '+(title:2^10 abstract:2) +(title:y^10 abstract:y title:y*^10 abstract:y*)',
    );
    for (const nothing of ['', '   ', '"', '*', '%', '\\', '(+-)']) {
      expect(luceneQuery(nothing)).toBeUndefined();
    }
  });

  it('reads at most 12 words, and any letters: accents, other scripts', () => {
    expect(luceneQuery('Schrödinger 量子')).toBe(
      '+(title:schrödinger^10 abstract:schrödinger) +(title:量子^10 abstract:量子 title:量子*^10 abstract:量子*)',
    );
    expect(luceneQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toMatch(
      /^(\+\(title:w\d+\^10 [^)]*\) ?){12}$/,
    );
  });

  it('never lets a character of Lucene syntax through unescaped, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const query = luceneQuery(input);
        if (query === undefined) return;
        // What the builder adds: field names, `^10`, `*`, `+(`, `)` and spaces; the words in
        // between are letters and digits only.
        const words = query
          .replace(/\+\(|\(|\)|title:|abstract:|\^10|\*/g, ' ')
          .trim()
          .split(/\s+/);
        for (const word of words) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});

describe('escapeLucene', () => {
  it('escapes every special character of the query syntax', () => {
    expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe(
      '\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/',
    );
    expect(escapeLucene('plain words 42')).toBe('plain words 42');
  });
});
