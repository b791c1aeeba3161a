import { describe, expect, it } from 'vitest';
import { findRepositoryLinks } from './find-repository-links.ts';
import { findUrls, isHttpUrl } from './find-urls.ts';
import { toRepository } from './repository.ts';

describe('findUrls', () => {
  it('trims sentence punctuation and unbalanced brackets', () => {
    const text =
      'Code is at https://github.com/thu-nics/TaH. Data (https://huggingface.co/datasets/causalNLP/cladder), see www.causaltime.cc.';
    expect(findUrls(text).map((found) => found.url)).toEqual([
      'https://github.com/thu-nics/TaH',
      'https://huggingface.co/datasets/causalNLP/cladder',
      'https://www.causaltime.cc',
    ]);
  });

  it('reads bare code-host addresses, but not inside other URLs or e-mail addresses', () => {
    const text =
      'The source code is available at: github.com/mahdiabavisani/DSRC. Mail me@github.com/x or see https://a.org/github.com/b/c';
    expect(findUrls(text).map((found) => found.url)).toEqual([
      'https://github.com/mahdiabavisani/DSRC',
      'https://a.org/github.com/b/c',
    ]);
  });

  it('keeps balanced brackets inside a URL and ignores other schemes', () => {
    expect(
      findUrls('see https://en.wikipedia.org/wiki/Rubin_(statistics).').map((f) => f.url),
    ).toEqual(['https://en.wikipedia.org/wiki/Rubin_(statistics)']);
    expect(findUrls('javascript:alert(1) ftp://x.org/a data:text/html,hi')).toEqual([]);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('https://github.com/a/b')).toBe(true);
  });
});

describe('toRepository', () => {
  it('gives one id to one repository however it is written', () => {
    const ids = [
      'https://github.com/Py-Why/DoWhy.git',
      'http://www.github.com/py-why/dowhy/',
      'https://github.com/py-why/dowhy/tree/main/docs',
    ].map((url) => toRepository(url)?.id);
    expect(new Set(ids)).toEqual(new Set(['github.com/py-why/dowhy']));
    expect(toRepository('https://github.com/lokali/FedCDH.git')).toMatchObject({
      id: 'github.com/lokali/fedcdh',
      owner: 'lokali',
      name: 'FedCDH',
      kind: 'code',
      url: 'https://github.com/lokali/FedCDH',
    });
  });

  it('knows the hosts and Hugging Face kinds', () => {
    expect(toRepository('https://gitlab.com/a/b')?.kind).toBe('code');
    expect(toRepository('https://codeberg.org/a/b')?.kind).toBe('code');
    expect(toRepository('https://bitbucket.org/a/b')?.kind).toBe('code');
    expect(toRepository('https://huggingface.co/datasets/NIH-CARD/BiomedSQL')).toMatchObject({
      id: 'huggingface.co/datasets/nih-card/biomedsql',
      kind: 'dataset',
    });
    expect(toRepository('https://huggingface.co/spaces/a/demo')?.kind).toBe('demo');
    expect(toRepository('https://huggingface.co/meta-llama/Llama-3-8B')?.kind).toBe('model');
  });

  it('is not fooled by pages that are not repositories', () => {
    expect(toRepository('https://github.com/thu-nics')).toBeUndefined();
    expect(toRepository('https://opencausalab.github.io/LINA')).toBeUndefined();
    expect(toRepository('https://huggingface.co/papers/2501.00001')).toBeUndefined();
    expect(toRepository('https://github.com/orgs/py-why/people')).toBeUndefined();
  });
});

describe('findRepositoryLinks', () => {
  it('marks "will be available" as promised and the rest as released', () => {
    const abstract =
      'We propose X. Code, data, and models will be available at https://github.com/a/x. ' +
      'Our benchmark is available at https://huggingface.co/datasets/b/y. Project page: https://x.github.io.';
    const links = findRepositoryLinks({
      abstract,
      links: findUrls(abstract).map((found) => found.url),
    });
    expect(links.map(({ repository, status }) => [repository.id, status])).toEqual([
      ['github.com/a/x', 'promised'],
      ['huggingface.co/datasets/b/y', 'released'],
    ]);
    const bare = 'Code will be released at github.com/c/z upon acceptance.';
    expect(findRepositoryLinks({ abstract: bare, links: ['https://github.com/c/z'] })).toEqual([
      expect.objectContaining({ status: 'promised' }),
    ]);
  });
});
