/**
 * Untrusted text (an abstract) with its key terms wrapped in `<mark>`, built from React text
 * nodes only: the text is split by `splitHighlights`, never parsed as HTML.
 */
import { useMemo } from 'react';
import { splitHighlights, type HighlightTerm } from '../../core/highlight/split-highlights.ts';

interface HighlightedTextProps {
  text: string;
  terms: readonly HighlightTerm[];
}

export function HighlightedText({ text, terms }: HighlightedTextProps) {
  const segments = useMemo(() => splitHighlights(text, terms), [text, terms]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.term === undefined ? (
          segment.text
        ) : (
          <mark key={index} title={segment.term.label}>
            {segment.text}
          </mark>
        ),
      )}
    </>
  );
}
