/**
 * The side panel for a topic: its label and cluster, how many papers mention it, when and with
 * how much code (the store's overlays), the code and data its papers link (most linked
 * first), those papers (most relevant first, as the API orders them, or newest first; all, or
 * those with released code), its papers per year and the topics it co-occurs with.
 */
import { useState } from 'react';
import type { TopicDetailResponse } from '../../../../server/api/types.ts';
import { plural } from '../../core/format/format.ts';
import { ChoiceButtons } from '../common/ChoiceButtons.tsx';
import type { PanelContext } from './panel-context.ts';
import { PanelSection } from './PanelSection.tsx';
import { PaperList } from './PaperList.tsx';
import { RepositoryList } from './RepositoryList.tsx';
import { TopicChip } from './TopicChip.tsx';
import { YearBars } from './YearBars.tsx';

/** Code and data shown before "Show all": the papers come next, and should be in reach. */
export const REPOSITORIES_SHOWN = 4;

interface TopicPanelProps {
  detail: TopicDetailResponse;
  context: PanelContext;
}

type PaperOrder = 'relevance' | 'date';
type PaperFilter = 'all' | 'code';
const PAPER_ORDERS = [
  { value: 'relevance', label: 'Most relevant' },
  { value: 'date', label: 'Newest' },
] as const;

export function TopicPanel({ detail, context }: TopicPanelProps) {
  const { topic, papers, repositories, coOccurring } = detail;
  const [order, setOrder] = useState<PaperOrder>('relevance');
  const [filter, setFilter] = useState<PaperFilter>('all');
  const [allRepositories, setAllRepositories] = useState(false);
  const withCode = papers.filter((paper) => paper.hasCode).length;
  const shown = filter === 'code' ? papers.filter((paper) => paper.hasCode) : papers;
  const listed =
    order === 'relevance'
      ? shown
      : // Newest first; undated papers last, in relevance order (the sort is stable).
        [...shown].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
  const overlays = [
    topic.year === undefined ? null : `mean year ${Math.round(topic.year)}`,
    topic.codeShare === undefined ? null : `${Math.round(topic.codeShare * 100)}% with code`,
    topic.repositoryCount === undefined
      ? null
      : plural(topic.repositoryCount, 'repository', 'repositories'),
  ].filter((text) => text !== null);
  const cluster = context.cluster(topic.cluster);
  const aliases = topic.aliases.filter(
    (alias) => alias.toLocaleLowerCase() !== topic.label.toLocaleLowerCase(),
  );
  return (
    <article className="panel-body" aria-labelledby="panel-title">
      <p className="kicker">
        <span className="kicker__kind">Topic</span>
      </p>
      <h2 id="panel-title" className="panel-title">
        {topic.label}
      </h2>
      <p className="panel-meta">
        {plural(topic.paperCount, 'paper')}
        {aliases.length > 0 && <> · also written {aliases.slice(0, 4).join(', ')}</>}
      </p>
      {overlays.length > 0 && (
        <p className="panel-meta" data-testid="topic-overlays">
          {overlays.join(' · ')}
        </p>
      )}
      <p className="panel-meta topic-cluster">
        {cluster === undefined ? (
          'Too rare to be drawn on the map'
        ) : (
          <>
            <span className="swatch" style={{ background: cluster.color }} aria-hidden="true" />
            <span>
              Cluster <span className="topic-cluster__name">{cluster.label}</span>
            </span>
          </>
        )}
      </p>

      {repositories.length > 0 && (
        <PanelSection
          title="Code & data"
          count={
            (topic.repositoryCount ?? 0) > repositories.length
              ? `${repositories.length} of ${topic.repositoryCount}`
              : repositories.length
          }
        >
          <RepositoryList
            repositories={(allRepositories
              ? repositories
              : repositories.slice(0, REPOSITORIES_SHOWN)
            ).map((repository) => ({
              ...repository,
              promised: !repository.released,
            }))}
            context={context}
          />
          {!allRepositories && repositories.length > REPOSITORIES_SHOWN && (
            <button type="button" className="link-button" onClick={() => setAllRepositories(true)}>
              Show all {repositories.length}
            </button>
          )}
        </PanelSection>
      )}

      <PanelSection title="Papers" count={papers.length}>
        {papers.length > 1 && (
          <ChoiceButtons
            label="Order papers by"
            choices={PAPER_ORDERS}
            value={order}
            onChange={setOrder}
            className="sort-switch"
            buttonClassName="link-button"
          />
        )}
        {withCode > 0 && withCode < papers.length && (
          <ChoiceButtons
            label="Show papers"
            choices={[
              { value: 'all', label: 'All' },
              { value: 'code', label: `With code (${withCode})` },
            ]}
            value={filter}
            onChange={setFilter}
            className="sort-switch"
            buttonClassName="link-button"
          />
        )}
        <PaperList
          papers={listed.map((paper) => ({
            id: paper.id,
            title: paper.title,
            published: paper.published,
            detail: paper.hasCode ? <span className="badge badge--code">code</span> : undefined,
          }))}
          onOpenPaper={(id) => context.navigate({ kind: 'paper', id })}
          empty="No paper mentions this topic."
        />
      </PanelSection>

      <PanelSection title="Papers per year">
        <YearBars years={detail.years} />
      </PanelSection>

      <PanelSection
        title="Co-occurring topics"
        count={coOccurring.length > 0 ? coOccurring.length : undefined}
      >
        {coOccurring.length === 0 ? (
          <p className="muted">No co-occurring topics.</p>
        ) : (
          <div className="chips">
            {coOccurring.map((other) => (
              <TopicChip
                key={other.id}
                label={other.label}
                color={context.topicColor(other.id)}
                count={other.paperCount}
                onSelect={() => context.navigate({ kind: 'topic', id: other.id })}
              />
            ))}
          </div>
        )}
      </PanelSection>
    </article>
  );
}
