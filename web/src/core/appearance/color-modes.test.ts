import { interpolateViridis } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import {
  codeScale,
  formatColorMode,
  NO_VALUE_COLOR,
  parseColorMode,
  yearScale,
} from './color-modes.ts';

describe('yearScale', () => {
  it('spans the whole years of the map, oldest dark, newest yellow, undated grey', () => {
    const scale = yearScale([2019.4, undefined, 2024.2, 2021])!;
    expect([scale.min, scale.max]).toEqual([2019, 2025]);
    expect(scale.colorOf(2019)).toBe(interpolateViridis(0));
    expect(scale.colorOf(2025)).toBe(interpolateViridis(1));
    expect(scale.colorOf(2022)).toBe(interpolateViridis(0.5));
    expect(scale.colorOf(undefined)).toBe(NO_VALUE_COLOR);
    expect(scale.format(2024.6)).toBe('2025');
  });

  it('is absent when no topic is dated', () => {
    expect(yearScale([undefined, undefined])).toBeNull();
  });
});

describe('codeScale', () => {
  it('runs from none to the highest share, rounded up to a tenth', () => {
    const scale = codeScale([0, 0.12, 0.31]);
    expect([scale.min, scale.max]).toEqual([0, 0.4]);
    expect(scale.colorOf(0.4)).toBe(interpolateViridis(1));
    expect(scale.colorOf(0.9)).toBe(interpolateViridis(1));
    expect(scale.format(0.25)).toBe('25%');
    expect(scale.format(0.4)).toBe('40%');
    expect(codeScale([0, 0]).max).toBe(0.1);
  });

  it('is not stretched by the few topics above nearly all others', () => {
    // 40 topics from 0% to 39%, and two tiny ones at 100% (one paper of one, two of two).
    const shares = [...Array.from({ length: 40 }, (_, i) => i / 100), 1, 1];
    const scale = codeScale(shares);
    expect(scale.max).toBe(0.4);
    // 20% and 39% are far apart, not both near the bottom of a scale running to 100%.
    expect(scale.colorOf(0.2)).toBe(interpolateViridis(0.5));
    expect(scale.colorOf(1)).toBe(interpolateViridis(1));
    expect(scale.format(scale.max)).toBe('≥40%');
  });
});

describe('colour mode in the URL', () => {
  it('reads ?color=, defaulting to cluster for anything unknown', () => {
    expect(parseColorMode('?color=year')).toBe('year');
    expect(parseColorMode('?x=1&color=code')).toBe('code');
    expect(parseColorMode('?color=%3Cscript%3E')).toBe('cluster');
    expect(parseColorMode('')).toBe('cluster');
  });

  it('writes it, leaving other parameters alone and the default out', () => {
    expect(formatColorMode('', 'year')).toBe('?color=year');
    expect(formatColorMode('?x=1&color=year', 'cluster')).toBe('?x=1');
    expect(formatColorMode('?color=year', 'cluster')).toBe('');
  });
});
