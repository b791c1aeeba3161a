/**
 * The corpus at a glance under the app's name: papers · topics · repositories, from
 * `/api/stats` (the store's numbers, not counted in the browser). The map only draws the
 * topics common enough to matter, so when it is shown the topic count says how many of them
 * are on it.
 */
import type { StatsResponse } from '../../../server/api/types.ts';
import { plural } from '../core/format/format.ts';
import type { ViewName } from '../core/selection/view-state.ts';
import type { ApiResource } from '../core/use-api-resource.ts';

interface StatsLineProps {
  stats: ApiResource<StatsResponse>;
  view: ViewName;
  /** How many topics (or papers) the map shows, once it is drawn. */
  shown: number | null;
}

export function StatsLine({ stats, view, shown }: StatsLineProps) {
  if (stats.status === 'error') {
    return <p className="stats stats--error">Stats unavailable</p>;
  }
  if (stats.status !== 'ready') {
    return (
      <p className="stats" aria-busy="true">
        Loading corpus…
      </p>
    );
  }
  const { paperCount: papers, topicCount: topics, repositoryCount: repositories } = stats.data;
  const of = (count: number, noun: string) =>
    shown === null || shown >= count
      ? plural(count, noun)
      : `${shown.toLocaleString('en-US')} of ${plural(count, noun)} on the map`;
  return (
    <p className="stats" data-testid="stats">
      <span
        title={view === 'papers' ? 'The map draws the papers most tied to its topics' : undefined}
      >
        {view === 'papers' ? of(papers, 'paper') : plural(papers, 'paper')}
      </span>
      <span aria-hidden="true"> · </span>
      <span title="Rarer topics are left off the map; search finds them all">
        {view === 'topics' ? of(topics, 'topic') : plural(topics, 'topic')}
      </span>
      <span aria-hidden="true"> · </span>
      <span>{plural(repositories, 'repository', 'repositories')}</span>
    </p>
  );
}
