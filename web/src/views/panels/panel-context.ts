/**
 * What every panel view needs from the app, passed down as one object: how to open another
 * topic, paper or repository (through the URL), and the map's colours for topics and
 * clusters so chips match the map.
 */
import type { MapDataset } from '../../core/map/map-dataset.ts';
import type { Route } from '../../core/selection/route.ts';

export interface PanelContext {
  navigate: (route: Route) => void;
  /** The map colour of a topic, or undefined when it is not on the map. */
  topicColor: (topic: string) => string | undefined;
  /** A cluster's name and colour, when the map knows it. */
  cluster: (cluster: number) => { label: string; color: string } | undefined;
}

/** The context for a topic map (colours from its look), or without colours while none is. */
export function createPanelContext(
  topicMap: MapDataset | null,
  navigate: (route: Route) => void,
): PanelContext {
  const clusters = new Map(topicMap?.clusters.map((cluster) => [cluster.id, cluster]));
  return {
    navigate,
    topicColor: (id) =>
      topicMap?.graph.hasNode(id) ? topicMap.appearance.nodeColor(id) : undefined,
    cluster: (id) => {
      const cluster = clusters.get(id);
      return cluster === undefined || topicMap === null
        ? undefined
        : { label: cluster.label, color: topicMap.appearance.clusterColor(id) };
    },
  };
}
