/**
 * Cluster names drawn over the map at the centre of each cluster's shown nodes (topics, or
 * papers coloured by their main topic's cluster), as in VOSviewer's cluster view — but named.
 * HTML on top of the canvas, moved with the camera after every frame, the largest clusters'
 * first where two would overlap; they fade when the map is zoomed in far enough for the node
 * labels to take over or when something is emphasised, and never catch the pointer.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { MapDataset } from '../../core/map/map-dataset.ts';
import type { MapSigma } from './GraphMap.tsx';

/** Below this camera ratio (zoomed in), the names step back. */
const FADE_RATIO = 0.45;
/** On the map a cluster goes by its most characteristic topic (the legend has all three). */
const NAMES = 1;

interface ClusterLabelsProps {
  sigma: MapSigma;
  dataset: MapDataset;
  /** Something is emphasised (hover, selection): the names step back. */
  dimmed: boolean;
}

export function ClusterLabels({ sigma, dataset, dimmed }: ClusterLabelsProps) {
  const { graph, appearance, clusters } = dataset;
  const layer = useRef<HTMLDivElement>(null);

  const centres = useMemo(() => {
    const sums = new Map<number, { x: number; y: number; n: number }>();
    graph.forEachNode((node, { cluster, x, y }) => {
      if (cluster < 0 || !appearance.isVisible(node)) return;
      const sum = sums.get(cluster) ?? { x: 0, y: 0, n: 0 };
      sums.set(cluster, { x: sum.x + x, y: sum.y + y, n: sum.n + 1 });
    });
    return clusters.flatMap((cluster) => {
      const sum = sums.get(cluster.id);
      if (sum === undefined || sum.n < 2) return [];
      return [
        {
          id: cluster.id,
          name: cluster.label.split(' · ').slice(0, NAMES).join(' · '),
          title: cluster.label,
          color:
            appearance.colorMode === 'cluster' ? appearance.clusterColor(cluster.id) : '#3c4352',
          x: sum.x / sum.n,
          y: sum.y / sum.n,
        },
      ];
    });
  }, [graph, appearance, clusters]);

  useEffect(() => {
    const place = () => {
      const element = layer.current;
      if (element === null) return;
      const ratio = sigma.getCamera().getState().ratio;
      element.style.opacity = ratio < FADE_RATIO || dimmed ? '0.25' : '1';
      // Largest clusters first: a name that would cover a bigger cluster's name waits for
      // the map to be zoomed in.
      const placed: DOMRect[] = [];
      centres.forEach((centre, index) => {
        const label = element.children[index] as HTMLElement | undefined;
        if (label === undefined) return;
        const { x, y } = sigma.graphToViewport(centre);
        label.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
        const box = label.getBoundingClientRect();
        const free = placed.every(
          (other) =>
            box.right < other.left ||
            other.right < box.left ||
            box.bottom < other.top ||
            other.bottom < box.top,
        );
        label.style.visibility = free ? 'visible' : 'hidden';
        if (free) placed.push(box);
      });
    };
    place();
    sigma.on('afterRender', place);
    return () => {
      sigma.off('afterRender', place);
    };
  }, [sigma, centres, dimmed]);

  return (
    <div ref={layer} className="cluster-labels" aria-hidden="true" data-testid="cluster-labels">
      {centres.map((centre) => (
        <span
          key={centre.id}
          className="cluster-labels__name"
          style={{ color: centre.color }}
          title={centre.title}
          data-cluster={centre.id}
        >
          {centre.name}
        </span>
      ))}
    </div>
  );
}
