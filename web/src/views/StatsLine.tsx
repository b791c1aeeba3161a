/**
 * The corpus at a glance under the app's name: papers · topics · repositories, from
 * `/api/stats` (the store's numbers, not counted in the browser). The map only draws the
 * topics common enough to matter, so when it is shown the topic count says how many of them
 * are on it.
 */
import type { StatsResponse } from '../../../server/api/types.ts';
import { plural } from '../core/format/format.ts';
import type { ApiResource } from '../core/use-api-resource.ts';

interface StatsLineProps {
  stats: ApiResource<StatsResponse>;
  /** How many topics the map draws, once it is drawn. */
  mapTopics?: number | null;
}

export function StatsLine({ stats, mapTopics = null }: StatsLineProps) {
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
  const topicText =
    mapTopics === null || mapTopics >= topics
      ? plural(topics, 'topic')
      : `${mapTopics.toLocaleString('en-US')} of ${plural(topics, 'topic')} on the map`;
  return (
    <p className="stats" data-testid="stats">
      <span>{plural(papers, 'paper')}</span>
      <span aria-hidden="true"> · </span>
      <span title="Rarer topics are left off the map; search finds them all">{topicText}</span>
      <span aria-hidden="true"> · </span>
      <span>{plural(repositories, 'repository', 'repositories')}</span>
    </p>
  );
}
