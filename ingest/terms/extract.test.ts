/**
 * Tests of key-term extraction: small hand-written inputs for each rule, and the real sample
 * corpus (data/samples/*.txt, three saved Hugging Face listing pages on causal inference; see
 * data/samples/README.md) for behaviour at corpus scale. The samples are read with a tiny
 * reader of our own — a title is the line before an abstract, an abstract is a line of 200+
 * characters — so these tests do not depend on the real parser in ingest/sources/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractTerms, readCorpus, type KeyTerm, type TermDoc } from './extract.ts';
import { GENERIC_WORDS } from './stopwords.ts';

const SAMPLES = join(import.meta.dirname, '../../data/samples');

/** The distinct papers of the sample corpus, in file order, with their titles as ids. */
function readSamplePapers(): TermDoc[] {
  const papers = new Map<string, TermDoc>();
  for (const file of readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const lines = readFileSync(join(SAMPLES, file), 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/^Subscribe(?=\p{Lu})/u, ''))
      .filter((line) => line !== '');
    lines.forEach((line, i) => {
      const title = lines[i - 1];
      if (line.length >= 200 && title !== undefined && !papers.has(title)) {
        papers.set(title, { id: title, title, text: line });
      }
    });
  }
  return [...papers.values()];
}

const keys = (terms: KeyTerm[] | undefined) => (terms ?? []).map((term) => term.key);
const termOf = (terms: KeyTerm[] | undefined, key: string) => terms?.find((t) => t.key === key);
const extractOne = (doc: Omit<TermDoc, 'id'>, topK?: number) =>
  extractTerms([{ id: 'doc', ...doc }], { topK }).get('doc') ?? [];

describe('extractTerms on hand-written inputs', () => {
  it('merges plural and singular forms into one singular key', () => {
    const terms = extractOne({
      text: 'Structural causal models are useful for reasoning. A structural causal model encodes assumptions.',
    });
    expect(keys(terms)).toContain('structural causal model');
    expect(keys(terms)).not.toContain('structural causal models');
    expect(termOf(terms, 'structural causal model')).toMatchObject({
      label: 'structural causal model',
      count: 2,
    });
  });

  it('merges hyphen and space variants of a compound, keeping the hyphen in the label', () => {
    const terms = extractOne({
      text: 'We study non-stationary time series from sensors. Non stationary time series are common in climate data.',
    });
    expect(termOf(terms, 'non stationary time series')).toMatchObject({
      label: 'non-stationary time series',
      count: 2,
    });
    expect(keys(terms).filter((key) => key.includes('stationary'))).toHaveLength(1);
  });

  it('resolves an acronym defined in the text to its expansion, adding up the counts', () => {
    const terms = extractOne({
      text: 'We study Large Language Models (LLMs) for causal discovery. LLMs often fail at counterfactual questions, and the LLM answers vary.',
    });
    expect(termOf(terms, 'large language model')).toMatchObject({
      label: 'large language model (LLM)',
      count: 3,
    });
    expect(keys(terms)).not.toContain('LLM');
  });

  it('resolves an acronym defined in one document where another uses it bare', () => {
    const result = extractTerms([
      {
        id: 'defines',
        text: 'Structural Causal Models (SCMs) describe interventions on causal graphs.',
      },
      { id: 'uses', text: 'We learn SCMs from interventional data with neural networks.' },
    ]);
    expect(keys(result.get('uses'))).toContain('structural causal model');
    expect(keys(result.get('uses'))).not.toContain('SCM');
  });

  it('labels a term with an acronym only where enough of its papers write the acronym', () => {
    // One paper of 41 calls transformers "ToMer"; 3 of 4 call large language models "LLMs".
    const docs: TermDoc[] = [
      { id: 'tomer', text: 'We train a Token Merging Transformer (ToMer) on images.' },
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `t${i}`,
        text: `A transformer for task ${i} of image classification.`,
      })),
      ...['a', 'b', 'c'].map((id) => ({
        id: `llm-${id}`,
        text: 'Large Language Models (LLMs) answer causal questions about image classification.',
      })),
      { id: 'llm-bare', text: 'A large language model answers causal questions.' },
      // One paper defines FID, another writes it bare: two papers use the acronym.
      { id: 'fid-defines', text: 'We report the Frechet Inception Distance (FID) of samples.' },
      { id: 'fid-bare', text: 'Diffusion baselines are compared by FID on our samples.' },
      { id: 'fid-spelled', text: 'The frechet inception distance of generated samples drops.' },
    ];
    const result = extractTerms(docs);
    expect(termOf(result.get('t0')!, 'transformer')?.label).toBe('transformer');
    // The paper that defines it keeps its own acronym.
    expect(result.get('tomer')!.some((term) => term.label.endsWith('(ToMer)'))).toBe(true);
    expect(termOf(result.get('llm-bare')!, 'large language model')?.label).toBe(
      'large language model (LLM)',
    );
    expect(termOf(result.get('fid-spelled')!, 'frechet inception distance')?.label).toBe(
      'frechet inception distance (FID)',
    );
  });

  it('ranks a term named in the title above an equally used one that is not', () => {
    // Same count, both first seen at the start: only the title boost can put GNN first.
    const text =
      'Diffusion models generate images. Diffusion models are popular. Graph neural networks classify nodes.';
    expect(extractOne({ text })[0]?.key).toBe('diffusion model');
    const terms = extractOne({ title: 'Graph Neural Networks', text });
    expect(terms[0]).toMatchObject({ key: 'graph neural network', inTitle: true, count: 2 });
    expect(termOf(terms, 'diffusion model')).toMatchObject({ inTitle: false, count: 2 });
  });

  it('leaves out a longer phrase written once around a better ranked term', () => {
    const terms = extractOne({
      title: 'Deconfounded Image-Text Matching',
      text: 'Image-text matching aligns pictures and captions. Image-text matching is hard for an image-text matching method.',
    });
    expect(keys(terms)).toEqual(
      expect.arrayContaining(['image text matching', 'deconfounded image text matching']),
    );
    expect(keys(terms)).not.toContain('image text matching method');
    expect(termOf(terms, 'image text matching')?.count).toBe(4);
  });

  it('finds no terms in boilerplate: pronouns, praise, generic words, numbers', () => {
    const terms = extractOne({
      title: 'A Novel Approach',
      text: 'In this paper, we propose a novel method. Our method achieves state-of-the-art performance on 3 benchmarks with 94% accuracy. Extensive experiments show the results of this work.',
    });
    expect(terms).toEqual([]);
  });

  it('repairs participles, keeps versioned acronyms and caps terms at five words', () => {
    const terms = extractOne({
      text: 'We fit a generalized linear model to the data with a sliding window over the learned representations. We evaluate GPT-4 on causal questions. We propose a very deep hierarchical sparse variational recurrent graph attention network encoder.',
    });
    expect(keys(terms)).toEqual(
      expect.arrayContaining([
        'generalized linear model',
        'sliding window',
        'learned representation',
        'GPT-4',
        'causal question',
      ]),
    );
    expect(terms.every((term) => term.key.split(' ').length <= 5)).toBe(true);
  });

  it('drops generic nouns that only everyday adjectives qualify, keeps classifying ones', () => {
    const terms = extractOne({
      text: 'This detailed analysis offers valuable insights and a unified framework for future research on causal graphs. We compare a causal model with a numerical method.',
    });
    expect(keys(terms)).toEqual(
      expect.arrayContaining(['causal graph', 'causal model', 'numerical method']),
    );
    for (const junk of ['detailed analysis', 'valuable insight', 'unified framework']) {
      expect(keys(terms)).not.toContain(junk);
    }
    expect(keys(terms)).not.toContain('future research');
  });

  it('reads names joined by an en dash as one word, and a verb before "the" as a verb', () => {
    const terms = extractOne({
      text: 'The partition function solves the Klein–Gordon equation, reproduces the Navier–Stokes equations and pays 2–3 times less.',
    });
    expect(keys(terms)).toEqual(
      expect.arrayContaining(['klein gordon equation', 'navier stokes equation']),
    );
    expect(keys(terms)).not.toContain('gordon equation');
    expect(keys(terms).some((key) => key.includes('reproduce'))).toBe(false);
  });

  it('keeps "of"-terms a paper names, one key for spaced and hyphenated forms', () => {
    const terms = extractOne({
      text: 'We train a sparse Mixture of Experts (MoE) model. MoE layers route tokens, as mixtures-of-experts do. The number of parameters grows. Simulations of lattice field theories are costly.',
    });
    expect(termOf(terms, 'mixture of experts')).toMatchObject({
      label: 'mixture of experts (MoE)',
    });
    expect(termOf(terms, 'mixture of experts')?.count).toBeGreaterThanOrEqual(3);
    // Generic heads make none; a phrase written once in passing is left to its parts.
    expect(keys(terms).filter((key) => key.includes(' of '))).toEqual(['mixture of experts']);
  });

  it('counts an acronym defined after "of" once, for the phrase after "of"', () => {
    const terms = extractOne({
      text: 'We study the robustness of Large Language Models (LLMs) to noise.',
    });
    expect(termOf(terms, 'large language model')).toMatchObject({
      label: 'large language model (LLM)',
      count: 1,
    });
    expect(keys(terms).filter((key) => key.includes(' of '))).toEqual([]);
  });

  it('respects topK, returns every id, and handles empty texts', () => {
    const text =
      'Causal discovery finds causal graphs. Treatment effects need confounder adjustment and instrumental variables.';
    const result = extractTerms(
      [
        { id: 'a', text },
        { id: 'empty', text: '' },
      ],
      { topK: 2 },
    );
    expect(result.get('a')).toHaveLength(2);
    expect(result.get('empty')).toEqual([]);
    expect(extractTerms([{ id: 'a', text }], { topK: 0 }).get('a')).toEqual([]);
  });

  it('rejects duplicate ids and a bad topK', () => {
    expect(() =>
      extractTerms([
        { id: 'x', text: 'a' },
        { id: 'x', text: 'b' },
      ]),
    ).toThrow(/ingest\/terms: duplicate document id "x"/);
    expect(() => extractTerms([], { topK: -1 })).toThrow(RangeError);
  });
});

describe('what a paper mentions beyond its key terms', () => {
  it('counts the terms it writes inside longer phrases that other papers write on their own', () => {
    const docs = [
      {
        id: 'a',
        title: 'Causal inference tasks for language models',
        text:
          'We build causal inference tasks and study object hallucination in diffusion ' +
          'models, with Llama3 backbones, Qwen2 baselines and the EM algorithm.',
      },
      {
        id: 'b',
        title: 'Causal inference in practice',
        text:
          'Causal inference needs assumptions. Hallucination and diffusion are words here ' +
          'too, and so are Llama3 and Qwen2.',
      },
    ];
    const ranked = new Map([...readCorpus(docs).rank(1)].map((doc) => [doc.id, doc] as const));
    const a = ranked.get('a')!;
    expect(a.keyTerms).toHaveLength(1);
    const others = new Map(a.otherTerms.map((term) => [term.key, term]));
    // Written only inside "causal inference tasks" by a, on its own by b: a mention, with
    // no label of a's, from the title.
    expect(others.get('causal inference')).toMatchObject({ label: '', inTitle: true, count: 2 });
    // A phrase's head word counts; a leading word does not ("diffusion" in "diffusion models").
    expect(others.get('hallucination')).toMatchObject({ label: '' });
    expect(others.has('diffusion')).toBe(false);
    // A name counts wherever it stands.
    expect(others.get('Llama3')).toMatchObject({ label: '' });
    // A name b writes alone, with generic words only, is the name written another way:
    // "Qwen2 baselines". No paper writes "EM" alone: "EM algorithm" stays as it is.
    const terms = new Map([...a.keyTerms, ...a.otherTerms].map((term) => [term.key, term]));
    expect(terms.get('Qwen2')).toMatchObject({ label: 'Qwen2', count: 1 });
    expect(terms.has('Qwen2 baseline')).toBe(false);
    expect(terms.has('EM algorithm')).toBe(true);
    // Nothing b writes inside a phrase that no one writes on its own ("inference task").
    expect(others.has('inference task')).toBe(false);
    expect([...a.keyTerms, ...a.otherTerms].map((term) => term.key)).toContain(
      'causal inference task',
    );
  });
});

describe('extractTerms on the sample corpus', () => {
  let papers: TermDoc[];
  let result: Map<string, KeyTerm[]>;
  let wide: Map<string, KeyTerm[]>;
  const byTitle = (start: string) => {
    const paper = papers.find((p) => p.title?.startsWith(start));
    if (!paper) throw new Error(`no sample paper titled "${start}…"`);
    return paper;
  };

  beforeAll(() => {
    papers = readSamplePapers();
    result = extractTerms(papers);
    wide = extractTerms(papers, { topK: 100 });
  });

  it('reads the 176 distinct sample papers and gives each at most 10 terms', () => {
    expect(papers).toHaveLength(176);
    expect(result.size).toBe(176);
    for (const terms of result.values()) expect(terms.length).toBeLessThanOrEqual(10);
  });

  it('finds the subject of Think-at-Hard and resolves LLM into one key', () => {
    const { id } = byTitle('Think-at-Hard');
    expect(keys(result.get(id))).toEqual(
      expect.arrayContaining(['latent iteration', 'think at hard']),
    );
    const all = wide.get(id);
    expect(keys(all)).not.toContain('LLM');
    // "Large Language Models (LLMs)", "the LLM objective", "LLM reasoning performance".
    expect(termOf(all, 'large language model')?.count).toBeGreaterThanOrEqual(3);
    // "Think-at-Hard (TaH)" and TaH twice more in the text, once in the title.
    expect(termOf(all, 'think at hard')).toMatchObject({
      inTitle: true,
      label: 'think-at-hard (TaH)',
    });
    expect(termOf(all, 'think at hard')?.count).toBeGreaterThanOrEqual(4);
  });

  it('resolves acronyms and hyphenated compounds in the deconfounded image-text matching paper', () => {
    const terms = result.get(byTitle('Towards Deconfounded Image-Text Matching').id);
    expect(terms?.[0]).toMatchObject({ key: 'image text matching', label: 'image-text matching' });
    expect(termOf(terms, 'image text matching')?.inTitle).toBe(true);
    // "an innovative Deconfounded Causal Inference Network (DCIN)", then "DCIN (1) decomposes".
    expect(termOf(terms, 'deconfounded causal inference network')?.count).toBe(2);
    expect(keys(wide.get(byTitle('Towards Deconfounded').id))).toContain('structural causal model');
  });

  it('never returns junk keys anywhere in the corpus', () => {
    const junk = new Set(['this paper', 'we', 'our method', 'state of the art', 'the approach']);
    // A label is its key as written, and the acronym of an expansion: "think-at-hard (TaH)".
    const plain = (text: string) =>
      text
        .replace(/ \(\p{Lu}[^()]*\)$/u, '')
        .toLowerCase()
        .replace(/-/g, ' ');
    const offences: string[] = [];
    for (const [id, terms] of wide) {
      for (const { key, label } of terms) {
        const words = key.split(' ');
        const bad =
          words.length > 5 ||
          junk.has(key) ||
          (words.length === 1 && GENERIC_WORDS.has(key)) ||
          /^[\d\s.,%-]+$/.test(key) ||
          key.includes('%') ||
          /^(the|a|an|this|our|we|its|their)$/.test(words[0]!) ||
          plain(label) !== plain(key);
        if (bad) offences.push(`${id}: ${key} (${label})`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps a corpus-wide term off the top spot of papers that only mention it in passing', () => {
    let passing = 0;
    for (const [id, terms] of wide) {
      const term = termOf(terms, 'causal inference');
      if (term && !term.inTitle && term.count === 1) {
        passing += 1;
        expect(terms[0]?.key, id).not.toBe('causal inference');
        expect(keys(result.get(id)), id).not.toContain('causal inference');
      }
    }
    expect(passing).toBeGreaterThan(10);
  });

  it('keeps a corpus-wide term in the list of papers that name it in their title', () => {
    for (const start of ['Integrating Earth Observation Data', 'Causal Inference by String']) {
      expect(keys(result.get(byTitle(start).id)), start).toContain('causal inference');
    }
  });

  it('is deterministic, ranks best first with ties broken by key, and stays fast', () => {
    const start = performance.now();
    expect(extractTerms(papers)).toEqual(result);
    // A guard against gross regressions (tagging twice, quadratic steps), not a benchmark:
    // the corpus takes about 1-2 s on a 2-core machine.
    expect(performance.now() - start).toBeLessThan(10_000);
    for (const terms of result.values()) {
      for (let i = 1; i < terms.length; i += 1) {
        const [a, b] = [terms[i - 1]!, terms[i]!];
        expect(a.score > b.score || (a.score === b.score && a.key < b.key)).toBe(true);
      }
    }
  });
});
