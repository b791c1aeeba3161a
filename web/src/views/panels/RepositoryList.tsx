/**
 * Repositories as a paper or a topic lists them: a safe link to each (http(s) only), its kind
 * and host, how many papers link it (for a topic), "promised" when none has released it yet,
 * and a button to the papers using it.
 */
import type { PaperRepository } from '../../../../server/api/types.ts';
import { plural } from '../../core/format/format.ts';
import { ExternalLink } from '../common/ExternalLink.tsx';
import type { PanelContext } from './panel-context.ts';
import { REPOSITORY_KIND_LABELS } from './RepositoryPanel.tsx';

export interface RepositoryListItem extends Omit<PaperRepository, 'status'> {
  /** Only promised ("will be released"), not released. */
  promised: boolean;
  /** Papers of the topic linking it. */
  paperCount?: number;
}

export function RepositoryList({
  repositories,
  context,
}: {
  repositories: readonly RepositoryListItem[];
  context: PanelContext;
}) {
  return (
    <ul className="repository-list">
      {repositories.map((repository) => (
        <li key={repository.id} className="repository">
          <ExternalLink url={repository.url} className="repository__link">
            {repository.owner ? `${repository.owner}/${repository.name}` : repository.name}
          </ExternalLink>
          <span className="repository__meta">
            {REPOSITORY_KIND_LABELS[repository.kind] ?? repository.kind} · {repository.host}
            {repository.paperCount !== undefined && (
              <> · {plural(repository.paperCount, 'paper')}</>
            )}
            {repository.promised && (
              <span className="badge" title="Announced as coming, not released yet">
                promised
              </span>
            )}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => context.navigate({ kind: 'repository', id: repository.id })}
          >
            Papers using it
          </button>
        </li>
      ))}
    </ul>
  );
}
