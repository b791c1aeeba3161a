// rake-modified ships no types: its one export, as its README and source (src/index.js) give it.
declare module 'rake-modified' {
  /** Candidate phrases of `text` with their RAKE scores, best first. */
  export default function rake(
    text: string,
    stopWordsPath?: string,
    minCharLength?: number,
    maxWordsLength?: number,
    minKeywordFrequency?: number,
  ): Record<string, number>;
}
