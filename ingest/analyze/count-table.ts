/**
 * Counts by whole-number key, in an open-addressing hash table over typed arrays: what a
 * `Map<number, number>` does for similar-papers.ts's document frequencies, without a boxed
 * number per key. Its keys (word ids and word-pair ids up to 2^52) are mostly beyond the small
 * integers a Map keeps unboxed.
 */
export class CountTable {
  private keys: Float64Array;
  private counts: Uint32Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1 << 16) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(capacity, 16)));
    this.keys = new Float64Array(size).fill(-1);
    this.counts = new Uint32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.used;
  }

  /** The slot of `key`: where it is, or the empty one where it would go. */
  private slot(key: number): number {
    // Mix the two 26-bit halves of the key (a pair id is first · 2^26 + second).
    const high = Math.floor(key / 67_108_864);
    const low = key - high * 67_108_864;
    let at = (Math.imul(high, 0x9e3779b1) ^ Math.imul(low + 0x7f4a7c15, 0x85ebca77)) & this.mask;
    for (;;) {
      const found = this.keys[at]!;
      if (found === key || found === -1) return at;
      at = (at + 1) & this.mask;
    }
  }

  /** Adds `by` to the count of `key` (a whole number from 0 to 2^53). */
  add(key: number, by = 1): void {
    // Claimed first: a claim may grow the table, replacing `counts`.
    const at = this.claim(key);
    this.counts[at]! += by;
  }

  /** Sets the count of `key` to `value` (below 2^32). */
  set(key: number, value: number): void {
    const at = this.claim(key);
    this.counts[at] = value;
  }

  /** The slot of `key`, taken for it when it has none. */
  private claim(key: number): number {
    let at = this.slot(key);
    if (this.keys[at] === -1) {
      if (2 * (this.used + 1) > this.keys.length) {
        this.grow();
        at = this.slot(key);
      }
      this.keys[at] = key;
      this.used++;
    }
    return at;
  }

  /** The count of `key`; 0 when never added. */
  get(key: number): number {
    const at = this.slot(key);
    return this.keys[at] === -1 ? 0 : this.counts[at]!;
  }

  /** Every key with its count, in no particular order. */
  *entries(): Generator<[number, number]> {
    for (let at = 0; at < this.keys.length; at++) {
      if (this.keys[at] !== -1) yield [this.keys[at]!, this.counts[at]!];
    }
  }

  /** Lets the table's memory go; it is empty afterwards. */
  clear(): void {
    this.keys = new Float64Array(16).fill(-1);
    this.counts = new Uint32Array(16);
    this.mask = 15;
    this.used = 0;
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.counts = new Uint32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let at = 0; at < keys.length; at++) {
      if (keys[at] === -1) continue;
      const to = this.slot(keys[at]!);
      this.keys[to] = keys[at]!;
      this.counts[to] = counts[at]!;
    }
  }
}
