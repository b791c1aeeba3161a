/**
 * A small seeded pseudo-random generator (mulberry32), so clustering and layout give the same
 * map for the same corpus, run after run.
 */

export const DEFAULT_SEED = 42;

/** Returns a `Math.random`-like function that replays the same sequence for the same seed. */
export function createSeededRandom(seed: number = DEFAULT_SEED): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
