/**
 * A list of papers as buttons that open them in the panel, each with its year beside the
 * title when known and a muted detail line (shared topics, link status) supplied by the
 * caller.
 */
import type { ReactNode } from 'react';
import { yearOf } from '../../core/format/format.ts';

export interface PaperListItem {
  id: string;
  title: string;
  /** ISO publication date; its year is shown beside the title. */
  published?: string;
  detail?: ReactNode;
}

interface PaperListProps {
  papers: readonly PaperListItem[];
  onOpenPaper: (paper: string) => void;
  /** Shown instead of the list when it is empty. */
  empty: string;
}

export function PaperList({ papers, onOpenPaper, empty }: PaperListProps) {
  if (papers.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="paper-list">
      {papers.map((paper) => {
        const year = yearOf(paper.published);
        return (
          <li key={paper.id}>
            <button
              type="button"
              className="paper-list__item"
              onClick={() => onOpenPaper(paper.id)}
            >
              <span className="paper-list__heading">
                <span className="paper-list__title">{paper.title}</span>
                {year !== null && (
                  <time className="paper-list__year" dateTime={year}>
                    {year}
                  </time>
                )}
              </span>
              {paper.detail !== undefined && paper.detail !== null && (
                <span className="paper-list__detail">{paper.detail}</span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
