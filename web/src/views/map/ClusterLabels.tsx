/**
 * Cluster names drawn over the map at the centre of each cluster's shown nodes (topics, or
 * papers coloured by their main topic's cluster), as in VOSviewer's cluster view — but named.
 * HTML on top of the canvas, moved with the camera after every frame; the largest clusters'
 * first where two would overlap. The space they take is reserved in the label layout, so no
 * node label runs under a name. They step back (faded, their space given to the node labels)
 * when the map is zoomed in far enough or when something is emphasised, and never catch the
 * pointer.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { LabelLayout, Rect } from '../../core/map/label-layout.ts';
import type { MapDataset } from '../../core/map/map-dataset.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';

/** Below this camera ratio (zoomed in), the names step back. */
const FADE_RATIO = 0.45;
/** On the map a cluster goes by its most characteristic topic (the legend has all three). */
const NAMES = 1;

interface ClusterLabelsProps {
  sigma: MapSigma;
  labels: LabelLayout;
  dataset: MapDataset;
  /** Something is emphasised (hover, selection): the names step back. */
  dimmed: boolean;
}

interface Centre {
  id: number;
  name: string;
  title: string;
  color: string;
  x: number;
  y: number;
}

export function ClusterLabels({ sigma, labels, dataset, dimmed }: ClusterLabelsProps) {
  const { graph, appearance, clusters } = dataset;
  const layer = useRef<HTMLDivElement>(null);
  // Read at each frame: a hover changes it, and must not cost a redraw of its own (the
  // emphasis that dims the names already redraws the map).
  const dim = useRef(dimmed);
  useEffect(() => {
    dim.current = dimmed;
  }, [dimmed]);

  const centres = useMemo((): Centre[] => {
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
    const element = layer.current;
    if (element === null) return undefined;
    const spans = [...element.children] as HTMLElement[];
    // Their size does not change with the camera: measured once.
    const sizes = spans.map((span) => {
      const { width, height } = span.getBoundingClientRect(); // fractional, unlike offsetWidth
      return { width, height };
    });
    const steppedBack = () => dim.current || sigma.getCamera().getState().ratio < FADE_RATIO;

    /** Where each name goes now, and which are shown (none overlapping a bigger cluster's). */
    const layout = () => {
      const shown: Rect[] = [];
      const places = centres.map((centre, index) => {
        const { x, y } = sigma.graphToViewport(centre);
        const { width, height } = sizes[index] ?? { width: 0, height: 0 };
        const box = {
          left: x - width / 2,
          right: x + width / 2,
          top: y - height / 2,
          bottom: y + height / 2,
        };
        const free = shown.every(
          (other) =>
            box.right < other.left ||
            other.right < box.left ||
            box.bottom < other.top ||
            other.bottom < box.top,
        );
        if (free) shown.push(box);
        return { x, y, free };
      });
      return { places, shown };
    };

    labels.reserve(() => (steppedBack() ? [] : layout().shown));
    const place = () => {
      const back = steppedBack();
      element.style.opacity = back ? '0.25' : '1';
      element.dataset.steppedBack = String(back); // read by the PNG export
      layout().places.forEach(({ x, y, free }, index) => {
        const span = spans[index];
        if (span === undefined) return;
        span.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
        span.style.visibility = free ? 'visible' : 'hidden';
      });
    };
    place();
    sigma.refresh({ skipIndexation: true });
    sigma.on('afterRender', place);
    return () => {
      sigma.off('afterRender', place);
      labels.reserve(null);
    };
  }, [sigma, labels, centres]);

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
