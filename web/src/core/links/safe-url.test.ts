import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url.ts';

describe('safeHttpUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(safeHttpUrl('https://github.com/thu-nics/TaH')).toBe('https://github.com/thu-nics/TaH');
    expect(safeHttpUrl(' http://example.org ')).toBe('http://example.org/');
  });

  it('rejects other protocols, relative and malformed URLs', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHttpUrl('/api/papers/1')).toBeNull();
    expect(safeHttpUrl('github.com/x/y')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});
