/**
 * The corpus at a glance under the app's name: papers · topics · repositories, from
 * `/api/stats` (the store's numbers, not counted in the browser).
 */
import type { StatsResponse } from '../../../server/api/types.ts';
import { plural } from '../core/format/format.ts';
import type { ApiResource } from '../core/use-api-resource.ts';

export function StatsLine({ stats }: { stats: ApiResource<StatsResponse> }) {
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
  const { papers, topics, repositories } = stats.data;
  return (
    <p className="stats" data-testid="stats">
      <span>{plural(papers, 'paper')}</span>
      <span aria-hidden="true"> · </span>
      <span>{plural(topics, 'topic')}</span>
      <span aria-hidden="true"> · </span>
      <span>{plural(repositories, 'repository', 'repositories')}</span>
    </p>
  );
}
