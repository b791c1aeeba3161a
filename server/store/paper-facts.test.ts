import { describe, expect, it } from 'vitest';
import { paperFacts, topicOverlay } from './paper-facts.ts';

describe('paperFacts', () => {
  it('takes the year a date starts with, released code only, every repository', () => {
    const links = [
      { repository: 'github.com/a/b', status: 'promised', kind: 'code' },
      { repository: 'huggingface.co/d/e', status: 'released', kind: 'dataset' },
    ];
    expect(paperFacts('p', '2024-05-01', links)).toEqual({
      id: 'p',
      year: 2024,
      hasCode: false,
      repositories: ['github.com/a/b', 'huggingface.co/d/e'],
    });
    expect(paperFacts('p', null, [{ repository: 'x', status: 'released', kind: 'code' }])).toEqual({
      id: 'p',
      hasCode: true,
      repositories: ['x'],
    });
    // A date that does not start with a year gives none.
    expect(paperFacts('p', 'May 2024', [])).toEqual({ id: 'p', hasCode: false, repositories: [] });
  });
});

describe('topicOverlay', () => {
  it('takes the means from exact sums, so a mean on a rounding boundary rounds one way', () => {
    // Years 2022, 2022, 2022, 2023: 2022.25, rounded to 2022.3 (a running mean can land just
    // below and give 2022.2).
    const counts = {
      papers: 5,
      dated: 4,
      yearSum: 3 * 2022 + 2023,
      withCode: 2,
      repositoryCount: 3,
    };
    expect(topicOverlay(counts)).toEqual({ year: 2022.3, codeShare: 0.4, repositoryCount: 3 });
    expect(topicOverlay({ ...counts, papers: 0, dated: 0, yearSum: 0, withCode: 0 })).toEqual({
      codeShare: 0,
      repositoryCount: 3,
    });
  });
});
