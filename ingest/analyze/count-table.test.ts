import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountTable } from './count-table.ts';

describe('CountTable', () => {
  it('counts as a Map does, for any whole numbers up to 2^52, growing as it fills', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(50), fc.integer({ min: 0, max: 2 ** 52 })), { maxLength: 300 }),
        (keys) => {
          const table = new CountTable(16);
          const expected = new Map<number, number>();
          for (const key of keys) {
            table.add(key);
            expected.set(key, (expected.get(key) ?? 0) + 1);
          }
          expect(table.size).toBe(expected.size);
          for (const [key, count] of expected) expect(table.get(key)).toBe(count);
          expect(new Map(table.entries())).toEqual(expected);
          expect(table.get(2 ** 52 + 2)).toBe(0);
        },
      ),
    );
  });

  it('sets a count', () => {
    const table = new CountTable();
    table.add(2 ** 40, 5);
    table.set(2 ** 40, 1);
    table.set(7, 3);
    expect([table.get(2 ** 40), table.get(7), table.size]).toEqual([1, 3, 2]);
  });

  it('is empty once cleared', () => {
    const table = new CountTable();
    table.add(3, 2);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(3)).toBe(0);
  });
});
