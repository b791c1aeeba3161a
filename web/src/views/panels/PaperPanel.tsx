/**
 * The side panel for a paper: title, date, categories, authors and organisation (else their
 * institutions), the abstract with its
 * key terms marked, its topics, the code and data it links to, other links, related papers
 * (with the topics they share as the reason) and where it was read from. All of it is
 * untrusted text, rendered as React text nodes; only http(s) links become anchors.
 */
import { useMemo } from 'react';
import type { Authorship, PaperDetailResponse } from '../../../../server/api/types.ts';
import { formatDate, plural, relatedReason } from '../../core/format/format.ts';
import { paperHomeLink, paperLinks } from '../../core/links/paper-links.ts';
import { safeHttpUrl } from '../../core/links/safe-url.ts';
import { ExternalLink } from '../common/ExternalLink.tsx';
import { HighlightedText } from '../common/HighlightedText.tsx';
import type { PanelContext } from './panel-context.ts';
import { PanelSection } from './PanelSection.tsx';
import { PaperList } from './PaperList.tsx';
import { RepositoryList } from './RepositoryList.tsx';
import { TopicChip } from './TopicChip.tsx';

interface PaperPanelProps {
  detail: PaperDetailResponse;
  context: PanelContext;
}

const AUTHORS_SHOWN = 3;
const INSTITUTIONS_SHOWN = 2;

export function PaperPanel({ detail, context }: PaperPanelProps) {
  const { paper, topics, repositories, related } = detail;
  const terms = useMemo(() => topics.map(({ id, label }) => ({ id, label })), [topics]);
  // Repository URLs are often also among the paper's links; list them once, as repositories.
  const repositoryUrls = new Set(repositories.map((repository) => repository.url.toLowerCase()));
  const home = paperHomeLink(paper);
  const links = paperLinks(paper).filter(
    (link) => !repositoryUrls.has(link.url.toLowerCase()) && safeHttpUrl(link.url) !== home.url,
  );
  const byline = authorLine(paper.authors, paper.authorsCount);
  const organizations = paper.organization
    ? [paper.organization]
    : institutionNames(paper.authorships ?? []);
  const date = formatDate(paper.published);

  return (
    <article className="panel-body" aria-labelledby="panel-title">
      <p className="kicker">
        <span className="kicker__kind">Paper</span>
        {date !== null && <time dateTime={paper.published}>{date}</time>}
        {paper.upvotes !== undefined && paper.upvotes > 0 && (
          <span title="Upvotes on the listing">▲ {paper.upvotes}</span>
        )}
        {paper.categories.length > 0 && (
          <span className="kicker__categories" title="Subject categories">
            {paper.categories.join(' · ')}
          </span>
        )}
      </p>
      <h2 id="panel-title" className="panel-title">
        {paper.title}
      </h2>
      {(byline !== null || organizations.length > 0) && (
        <p className="panel-meta">
          {byline}
          {byline !== null && organizations.length > 0 ? ' · ' : null}
          {organizations.length > 0 && (
            <span className="organization">{institutionLine(organizations)}</span>
          )}
        </p>
      )}
      <p className="paper-home">
        <ExternalLink url={home.url} className="paper-home__link">
          {home.label} ↗
        </ExternalLink>
      </p>

      {repositories.length > 0 && (
        <PanelSection title="Code & data" count={repositories.length}>
          <RepositoryList
            repositories={repositories.map((repository) => ({
              ...repository,
              promised: repository.status === 'promised',
            }))}
            context={context}
          />
        </PanelSection>
      )}

      <PanelSection title="Abstract">
        {paper.abstract.trim() === '' ? (
          <p className="muted">No abstract was found for this paper.</p>
        ) : (
          <p className="abstract" data-testid="abstract">
            <HighlightedText text={paper.abstract} terms={terms} />
          </p>
        )}
      </PanelSection>

      {topics.length > 0 && (
        <PanelSection title="Topics" count={topics.length}>
          <div className="chips">
            {topics.map((topic) => (
              <TopicChip
                key={topic.id}
                label={topic.label}
                color={context.topicColor(topic.id)}
                onSelect={() => context.navigate({ kind: 'topic', id: topic.id })}
              />
            ))}
          </div>
        </PanelSection>
      )}

      {links.length > 0 && (
        <PanelSection title="Links">
          <ul className="link-list">
            {links.map((link) => (
              <li key={link.url}>
                <ExternalLink url={link.url} className="external">
                  {link.label}
                </ExternalLink>
              </li>
            ))}
          </ul>
        </PanelSection>
      )}

      <PanelSection title="Related papers" count={related.length}>
        <PaperList
          papers={related.map((other) => ({
            id: other.id,
            title: other.title,
            published: other.published,
            detail: relatedReason(other),
          }))}
          onOpenPaper={(id) => context.navigate({ kind: 'paper', id })}
          empty="No other paper shares its words yet."
        />
      </PanelSection>

      {paper.sources.length > 0 && (
        <PanelSection title="Read from" count={paper.sources.length}>
          <p className="muted source-note">The input records this paper was built from:</p>
          <ul className="source-list">
            {paper.sources.map((source) => (
              <li key={source}>
                <code title="file:line">{source}</code>
              </li>
            ))}
          </ul>
        </PanelSection>
      )}
    </article>
  );
}

/** The institutions the authors wrote from, each once, in author order. */
function institutionNames(authorships: readonly Authorship[]): string[] {
  return [...new Set(authorships.flatMap((author) => author.institutions.map((i) => i.name)))];
}

/** "Brno University of Technology, Google (United States) +1 more". */
function institutionLine(names: readonly string[]): string {
  const shown = names.slice(0, INSTITUTIONS_SHOWN).join(', ');
  const rest = names.length - INSTITUTIONS_SHOWN;
  return rest > 0 ? `${shown} +${rest} more` : shown;
}

/** "Ada Lovelace, Alan Turing, Grace Hopper +2 more", or "5 authors" when only counted. */
function authorLine(authors: readonly string[], count: number | undefined): string | null {
  if (authors.length > 0) {
    const shown = authors.slice(0, AUTHORS_SHOWN).join(', ');
    const rest = Math.max(authors.length, count ?? 0) - Math.min(authors.length, AUTHORS_SHOWN);
    return rest > 0 ? `${shown} +${rest} more` : shown;
  }
  return count !== undefined && count > 0 ? plural(count, 'author') : null;
}
