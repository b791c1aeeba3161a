import { describe, expect, it } from 'vitest';
import { paperFacts } from './paper-facts.ts';

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
