/**
 * Topic sizes: a node's area should grow with its number of papers, so its radius follows the
 * square root of the count, mapped onto a pixel range that keeps rare topics clickable and
 * keeps the biggest from swallowing their neighbours.
 */

export const DEFAULT_NODE_SIZE_RANGE = { min: 4, max: 20 } as const;

/**
 * Build a size function for paper counts between `minPapers` and `maxPapers` (from the data).
 * When every topic has the same count, all get the middle size.
 */
export function createNodeSizeScale(
  minPapers: number,
  maxPapers: number,
  range: { min: number; max: number } = DEFAULT_NODE_SIZE_RANGE,
): (papers: number) => number {
  const low = Math.sqrt(Math.max(0, minPapers));
  const high = Math.sqrt(Math.max(0, maxPapers));
  if (!(high > low)) return () => (range.min + range.max) / 2;
  return (papers) => {
    const t = (Math.sqrt(Math.max(0, papers)) - low) / (high - low);
    const clamped = Math.min(1, Math.max(0, t));
    return range.min + clamped * (range.max - range.min);
  };
}
