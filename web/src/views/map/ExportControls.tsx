/**
 * Export the current view (bottom right, above the zoom buttons): a PNG of the map with its
 * legend, or the shown topics and links as GEXF or CSV, each named after the view. The
 * writers load on first use (their own chunk), not with the page.
 */
import { useState } from 'react';
import { colorModeInfo, NO_VALUE_COLOR } from '../../core/appearance/color-modes.ts';
import type { ImageLegend, ImageOverlay, ScreenBox } from '../../core/export/export-image.ts';
import type { LabelLayout } from '../../core/map/label-layout.ts';
import { KIND_LABELS, type MapDataset } from '../../core/map/map-dataset.ts';
import type { ViewName } from '../../core/selection/view-state.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';

const BACKGROUND = '#f6f7f9';

interface ExportControlsProps {
  sigma: MapSigma;
  labels: LabelLayout;
  dataset: MapDataset;
  view: ViewName;
}

export function ExportControls({ sigma, labels, dataset, view }: ExportControlsProps) {
  const [busy, setBusy] = useState(false);
  const { appearance, graph } = dataset;
  const filtered = appearance.visibleCount < graph.order;

  /** Runs `save` with the writers loaded, the buttons disabled meanwhile. */
  const run =
    (
      save: (
        files: typeof import('../../core/export/export-graph.ts'),
        name: string,
      ) => Promise<void> | void,
    ) =>
    async () => {
      setBusy(true);
      try {
        const files = await import('../../core/export/export-graph.ts');
        await save(files, files.exportName(view, appearance.colorMode, filtered));
      } finally {
        setBusy(false);
      }
    };
  const savePng = run(async ({ download }, name) => {
    const { mapImage } = await import('../../core/export/export-image.ts');
    const image = await mapImage(sigma, legendOf(dataset), BACKGROUND, drawnOn(sigma, labels));
    download(image, `${name}.png`, 'image/png');
  });
  const saveGexf = run(({ download, shownGraph, toGexf }, name) =>
    download(toGexf(shownGraph(dataset)), `${name}.gexf`, 'application/gexf+xml'),
  );
  const saveCsv = run(({ download, shownGraph, toCsv }, name) => {
    const { nodes, links } = toCsv(shownGraph(dataset));
    download(nodes, `${name}-nodes.csv`, 'text/csv');
    download(links, `${name}-links.csv`, 'text/csv');
  });

  const formats = [
    { label: 'PNG', title: 'The map as a PNG image, with its legend', save: savePng },
    { label: 'GEXF', title: 'The shown nodes and links as GEXF (Gephi)', save: saveGexf },
    { label: 'CSV', title: 'The shown nodes and links as two CSV tables', save: saveCsv },
  ];
  return (
    <div className="export-controls card" role="group" aria-label="Export the view">
      {formats.map(({ label, title, save }) => (
        <button key={label} type="button" title={title} disabled={busy} onClick={() => void save()}>
          {label}
        </button>
      ))}
    </div>
  );
}

function legendOf({ appearance, clusters, kindColors }: MapDataset): ImageLegend {
  if (kindColors !== undefined) {
    return {
      title: 'Neighbourhood',
      entries: (['topic', 'paper', 'repository'] as const).map((kind) => ({
        color: kindColors[kind],
        label: KIND_LABELS[kind],
      })),
    };
  }
  const { legend: title, noValue } = colorModeInfo(appearance.colorMode);
  if (appearance.colorMode === 'cluster') {
    return {
      title,
      entries: clusters
        .filter((cluster) => appearance.visibleIn(cluster.id) > 0)
        .map((cluster) => ({ color: appearance.clusterColor(cluster.id), label: cluster.label })),
    };
  }
  if (appearance.scale === null) return { title, entries: [] };
  return {
    title,
    scale: appearance.scale,
    ...(noValue === undefined ? {} : { noValue, noValueColor: NO_VALUE_COLOR }),
  };
}

/**
 * What the map draws in view, in on-screen pixels: every shown node, the labels the last
 * frame placed, and the cluster names shown over it (read from their elements, unless they
 * have stepped back).
 */
function drawnOn(
  sigma: MapSigma,
  labels: LabelLayout,
): {
  boxes: ScreenBox[];
  overlays: ImageOverlay[];
} {
  const { width, height } = sigma.getDimensions();
  const boxes: ScreenBox[] = labels.placed().map(({ rect }) => rect);
  for (const node of sigma.getGraph().nodes()) {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) continue;
    const { x, y } = sigma.framedGraphToViewport(data);
    const r = sigma.scaleSize(data.size);
    if (x + r < 0 || x - r > width || y + r < 0 || y - r > height) continue;
    boxes.push({ left: x - r, top: y - r, right: x + r, bottom: y + r });
  }
  const container = sigma.getContainer();
  const layer = container.parentElement?.querySelector<HTMLElement>('.cluster-labels');
  const overlays: ImageOverlay[] = [];
  if (layer && layer.dataset.steppedBack !== 'true') {
    const origin = container.getBoundingClientRect();
    for (const name of layer.querySelectorAll<HTMLElement>('.cluster-labels__name')) {
      if (name.style.visibility === 'hidden' || !name.textContent) continue;
      const box = name.getBoundingClientRect();
      const left = box.left - origin.left;
      const top = box.top - origin.top;
      boxes.push({ left, top, right: left + box.width, bottom: top + box.height });
      overlays.push({
        text: name.textContent,
        x: left + box.width / 2,
        y: top + box.height / 2,
        color: name.style.color,
      });
    }
  }
  return { boxes, overlays };
}
