// The VOSviewer thesaurus: its format, its errors, and what it does to extracted terms.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { extractTerms } from './extract.ts';
import { parseThesaurus } from './thesaurus.ts';

const THESAURUS = [
  'label\treplace by',
  'LLMs\tlarge language model',
  'Neural Networks\tdeep network',
  'paper\t',
  // Editors strip the trailing tab: a term alone on its line is dropped too.
  'proposed framework',
  '',
].join('\n');

describe('parseThesaurus', () => {
  it('normalises both sides like extracted terms; an empty replacement drops the term', () => {
    const thesaurus = parseThesaurus(THESAURUS, 'thesaurus.txt');
    expect(thesaurus.get('LLM')).toMatchObject({ key: 'large language model' });
    expect(thesaurus.get('neural network')).toMatchObject({ key: 'deep network' });
    expect(thesaurus.get('paper')).toBeNull();
    expect(thesaurus.get('proposed framework')).toBeNull();
    expect(thesaurus.size).toBe(4);
  });

  it('names the file and line of what it cannot read', () => {
    const error = (text: string) => {
      try {
        parseThesaurus(text, 'my-thesaurus.txt');
      } catch (caught) {
        return caught;
      }
      return undefined;
    };
    const noHeader = error('LLMs\tlarge language model\n');
    expect(noHeader).toBeInstanceOf(IngestError);
    expect((noHeader as IngestError).message).toMatch(/my-thesaurus\.txt line 1: the first line/);
    const header = error('label,replace by\nLLMs,large language model\n');
    expect((header as IngestError).message).toMatch(/my-thesaurus\.txt line 1: the first line/);
    const spaces = error('label\treplace by\npaper\t\nneural networks    deep network\n');
    expect((spaces as IngestError).message).toMatch(
      /my-thesaurus\.txt line 3: "neural networks {4}deep network": separate .* with a tab/,
    );
  });
});

describe('extractTerms with a thesaurus', () => {
  const docs = [
    {
      id: 'a',
      title: 'Neural networks for causal discovery',
      text: 'We train neural networks to find causal structure. Our proposed framework scales.',
    },
    {
      id: 'b',
      title: 'Deep networks and LLMs',
      text: 'LLMs can explain deep networks. We compare LLMs with deep networks on causal structure.',
    },
  ];

  it('merges the terms it maps and drops the ones it ignores, before ranking', () => {
    const plain = extractTerms(docs, { topK: 20 });
    const keys = (id: string, result = plain) => result.get(id)!.map((term) => term.key);
    expect(keys('a')).toContain('neural network');
    expect(keys('b')).toContain('LLM');

    const merged = extractTerms(docs, { topK: 20, thesaurus: parseThesaurus(THESAURUS, 't') });
    expect(keys('a', merged)).toContain('deep network');
    expect(keys('a', merged)).not.toContain('neural network');
    expect(keys('a', merged)).not.toContain('proposed framework');
    expect(keys('b', merged)).toContain('large language model');
    expect(keys('b', merged)).not.toContain('LLM');
    // "neural networks" (a) and "deep networks" (b) are now one topic shared by both papers.
    expect(keys('b', merged)).toContain('deep network');
  });

  it('keeps the credit a term gets inside longer phrases when it is merged', () => {
    const doc = {
      id: 'd',
      text: 'Neural networks are popular. Deep neural networks generalise. Deep neural networks fail.',
    };
    const plain = extractTerms([doc], { topK: 20 }).get('d')!;
    const before = plain.find((term) => term.key === 'neural network')!;
    expect(before.count).toBe(3);
    const merged = extractTerms([doc], { topK: 20, thesaurus: parseThesaurus(THESAURUS, 't') });
    expect(merged.get('d')!.find((term) => term.key === 'deep network')?.count).toBe(3);
  });
});
