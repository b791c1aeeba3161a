import { describe, expect, it } from 'vitest';
import { formatDate, plural } from './format.ts';

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
