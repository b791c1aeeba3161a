/**
 * The map as files: the topics and links the current view shows (filters applied) with what
 * they are drawn as, as GEXF (for Gephi and VOSviewer-like tools, written by graphology-gexf)
 * and as two CSV tables (written by csv-stringify), named after the view.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import Graph from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import type { ColorMode } from '../appearance/color-modes.ts';
import type { MapDataset } from '../map/map-dataset.ts';
import type { ViewName } from '../selection/view-state.ts';

/**
 * A file name stem for the view: `topograph-topics-by-year-filtered`, `topograph-papers-…`;
 * the focus view (coloured by kind, never filtered) is `topograph-focus`.
 */
export function exportName(view: ViewName, colorMode: ColorMode, filtered: boolean): string {
  if (view === 'focus') return 'topograph-focus';
  return `topograph-${view}-by-${colorMode}${filtered ? '-filtered' : ''}`;
}

/** Positions to 4 decimals: the layout's precision, without float noise like 6.1e-16. */
const coordinate = (value: number) => Math.round(value * 10_000) / 10_000 || 0;

/** The shown topics and the links between them, each with its display colour and cluster. */
export function shownGraph(dataset: MapDataset): Graph {
  const { graph, appearance, clusters, kindColors } = dataset;
  const clusterLabels = new Map(clusters.map((cluster) => [cluster.id, cluster.label]));
  const shown = new Graph({ type: 'undirected' });
  graph.forEachNode((node, attributes) => {
    if (!appearance.isVisible(node)) return;
    const drawn = {
      kind: attributes.kind,
      label: attributes.label,
      x: coordinate(attributes.x),
      y: coordinate(attributes.y),
      size: appearance.nodeSize(node),
      color: appearance.nodeColor(node),
    };
    // The focus graph has no clusters or overlays: only what it draws.
    if (kindColors !== undefined) {
      shown.addNode(node, drawn);
      return;
    }
    shown.addNode(node, {
      ...drawn,
      papers: attributes.paperCount,
      cluster: attributes.cluster,
      clusterLabel: clusterLabels.get(attributes.cluster) ?? '',
      ...(attributes.year === undefined ? {} : { year: attributes.year }),
      codeShare: attributes.codeShare,
      repositories: attributes.repositoryCount,
    });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (shown.hasNode(source) && shown.hasNode(target)) {
      shown.addEdgeWithKey(edge, source, target, {
        papers: attributes.paperCount,
        weight: attributes.strength,
      });
    }
  });
  return shown;
}

export function toGexf(graph: Graph): string {
  return writeGexf(graph);
}

/**
 * Two tables: nodes (one row a topic or paper; `papers` is a topic's paper count, a paper's
 * linked related papers) and links (a co-occurrence, or a relation of two papers).
 */
export function toCsv(graph: Graph): { nodes: string; links: string } {
  const nodes = stringify(
    graph.mapNodes((id, a) => [
      id,
      a.kind,
      a.label,
      a.papers,
      a.cluster,
      a.clusterLabel,
      a.year ?? '',
      a.codeShare,
      a.repositories,
      a.x,
      a.y,
    ]),
    {
      header: true,
      columns: [
        'id',
        'kind',
        'label',
        'papers',
        'cluster',
        'cluster_label',
        'year',
        'code_share',
        'repositories',
        'x',
        'y',
      ],
    },
  );
  const links = stringify(
    graph.mapEdges((_, a, source, target) => [source, target, a.papers, a.weight]),
    { header: true, columns: ['source', 'target', 'papers', 'strength'] },
  );
  return { nodes, links };
}

/** Saves `content` as a file the browser downloads. */
export function download(content: Blob | string, fileName: string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
