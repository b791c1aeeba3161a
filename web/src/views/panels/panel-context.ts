/**
 * What every panel view needs from the app, passed down as one object: how to open another
 * topic, paper or repository (through the URL), and the map's colours for topics and
 * clusters so chips match the map.
 */
import type { Route } from '../../core/selection/route.ts';

export interface PanelContext {
  navigate: (route: Route) => void;
  /** The map colour of a topic, or undefined when it is not on the map. */
  topicColor: (topic: string) => string | undefined;
  /** A cluster's name and colour, when the map knows it. */
  cluster: (cluster: number) => { label: string; color: string } | undefined;
}
