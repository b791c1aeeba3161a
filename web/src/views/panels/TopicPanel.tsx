/**
 * The side panel for a topic: its label and cluster, how many papers mention it, those
 * papers (most relevant first, as the API orders them) and the topics it co-occurs with.
 */
import type { TopicDetailResponse } from '../../../../server/api/types.ts';
import { plural } from '../../core/format/format.ts';
import type { PanelContext } from './panel-context.ts';
import { PanelSection } from './PanelSection.tsx';
import { PaperList } from './PaperList.tsx';
import { TopicChip } from './TopicChip.tsx';

interface TopicPanelProps {
  detail: TopicDetailResponse;
  context: PanelContext;
}

export function TopicPanel({ detail, context }: TopicPanelProps) {
  const { topic, papers, coOccurring } = detail;
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
        {plural(topic.df, 'paper')}
        {aliases.length > 0 && <> · also written {aliases.slice(0, 4).join(', ')}</>}
      </p>
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

      <PanelSection title="Papers" count={papers.length}>
        <PaperList
          papers={papers.map((paper) => ({
            id: paper.id,
            title: paper.title,
            published: paper.published,
          }))}
          onOpenPaper={(id) => context.navigate({ kind: 'paper', id })}
          empty="No paper mentions this topic."
        />
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
                count={other.papers}
                onSelect={() => context.navigate({ kind: 'topic', id: other.id })}
              />
            ))}
          </div>
        )}
      </PanelSection>
    </article>
  );
}
