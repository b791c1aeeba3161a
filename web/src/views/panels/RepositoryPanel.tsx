/**
 * The side panel for a repository (code, dataset, model or demo): where it lives and the
 * papers that link to it, with whether the code is released or only promised.
 */
import type { RepositoryDetailResponse } from '../../../../server/api/types.ts';
import type { RepositoryKind } from '../../../../server/api/types.ts';
import { ExternalLink } from '../common/ExternalLink.tsx';
import type { PanelContext } from './panel-context.ts';
import { PanelSection } from './PanelSection.tsx';
import { PaperList } from './PaperList.tsx';

export const REPOSITORY_KIND_LABELS = {
  code: 'Code repository',
  dataset: 'Dataset',
  model: 'Model',
  demo: 'Demo',
} satisfies Record<RepositoryKind, string>;

interface RepositoryPanelProps {
  detail: RepositoryDetailResponse;
  context: PanelContext;
}

export function RepositoryPanel({ detail, context }: RepositoryPanelProps) {
  const { repository, papers } = detail;
  const name = repository.owner ? `${repository.owner}/${repository.name}` : repository.name;
  return (
    <article className="panel-body" aria-labelledby="panel-title">
      <p className="kicker">
        <span className="kicker__kind">
          {REPOSITORY_KIND_LABELS[repository.kind] ?? 'Repository'}
        </span>
        <span>{repository.host}</span>
      </p>
      <h2 id="panel-title" className="panel-title">
        {name}
      </h2>
      <p className="panel-meta">
        <ExternalLink url={repository.url} className="external">
          {repository.url}
        </ExternalLink>
      </p>

      <PanelSection title="Papers linking here" count={papers.length}>
        <PaperList
          papers={papers.map((paper) => ({
            id: paper.id,
            title: paper.title,
            published: paper.published,
            detail: paper.status === 'promised' ? 'code promised' : undefined,
          }))}
          onOpenPaper={(id) => context.navigate({ kind: 'paper', id })}
          empty="No paper links to this repository."
        />
      </PanelSection>
    </article>
  );
}
