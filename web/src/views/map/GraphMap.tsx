/**
 * The full-window map of the current view (topics, papers or a focus graph). This component
 * owns the sigma renderer: it creates it on the graph, hands it to the small controllers that
 * configure it (reducers, events, camera, zoom and export buttons), and `kill()`s it on
 * unmount or when the graph changes. Hover state lives here; the selection comes from the URL
 * through props.
 */
import { useEffect, useState, type RefObject } from 'react';
import Sigma from 'sigma';
import type { MapDataset } from '../../core/map/map-dataset.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';
import { createLabelLayout, type LabelLayout } from '../../core/map/label-layout.ts';
import { createSigmaSettings, labelThreshold } from '../../core/map/sigma-settings.ts';
import type { CameraState, ViewName } from '../../core/selection/view-state.ts';
import { ClusterLabels } from './ClusterLabels.tsx';
import type { CameraTarget } from '../../core/selection/map-selection.ts';
import { CameraController } from './CameraController.tsx';
import { ExportControls } from './ExportControls.tsx';
import { MapEventsController } from './MapEventsController.tsx';
import { MapFocusController } from './MapFocusController.tsx';
import { installMapProbe } from './map-probe.ts';
import { ZoomControls } from './ZoomControls.tsx';

interface GraphMapProps {
  view: ViewName;
  dataset: MapDataset;
  /** What the map is, for screen readers: "Topic map: 249 topics, coloured by cluster". */
  description: string;
  /** Selected nodes: the selection, or the nodes standing for it (a paper's topics). */
  selected: readonly string[];
  hoveredCluster: number | null;
  cameraTarget: CameraTarget | null;
  /** The camera a shared link opens with (see CameraController). */
  initialCamera: CameraState | null;
  /** Elements floating over the map (side panel, toolbar, legend), kept clear by the camera. */
  obstructionRefs: readonly RefObject<HTMLElement | null>[];
  onSelectNode: (node: string) => void;
}

export function GraphMap(props: GraphMapProps) {
  const { dataset, view } = props;
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [sigma, setSigma] = useState<MapSigma | null>(null);
  const [labels, setLabels] = useState<LabelLayout | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);

  useEffect(() => {
    if (container === null) return undefined;
    let renderer: MapSigma | null = null;
    const labels = createLabelLayout(() => renderer);
    renderer = new Sigma(
      dataset.graph,
      container,
      createSigmaSettings(labels, {
        nodes: dataset.graph.order,
        edges: dataset.graph.size,
        labelAll: dataset.kindColors !== undefined,
      }),
    );
    renderer.on('beforeRender', labels.invalidate);
    const created = renderer;
    const removeProbe = installMapProbe(created, labels, view);
    // The renderer is an external object; React state only tells the controllers it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSigma(created);
    setLabels(labels);
    return () => {
      setSigma(null);
      setLabels(null);
      setHovered(null);
      removeProbe();
      created.kill();
    };
  }, [container, dataset.graph, dataset.kindColors, view]);

  // Filters that leave a small map label every node that has room, as a small map does.
  const shown = dataset.appearance.visibleCount;
  const labelAll = dataset.kindColors !== undefined;
  useEffect(() => {
    if (sigma === null) return;
    const threshold = labelThreshold(shown, labelAll);
    if (sigma.getSetting('labelRenderedSizeThreshold') !== threshold) {
      sigma.setSetting('labelRenderedSizeThreshold', threshold);
    }
  }, [sigma, shown, labelAll]);

  return (
    <div className="graph-map">
      <div
        ref={setContainer}
        className="graph-map__canvas"
        role="img"
        aria-label={props.description}
        data-view={props.view}
        data-color-mode={dataset.appearance.colorMode}
        data-testid="graph-map"
      />
      {/* Until the effect above has replaced the renderer of an old graph, the controllers
          wait: reducers for the new graph on the old renderer would look up missing edges. */}
      {sigma !== null && sigma.getGraph() === dataset.graph && (
        <>
          {dataset.clusters.length > 0 && labels !== null && (
            <ClusterLabels
              sigma={sigma}
              labels={labels}
              dataset={dataset}
              dimmed={
                hovered !== null || props.hoveredCluster !== null || props.selected.length > 0
              }
            />
          )}
          <MapFocusController
            sigma={sigma}
            dataset={dataset}
            focus={{
              hovered,
              hoveredCluster: props.hoveredCluster,
              selected: props.selected,
            }}
          />
          <MapEventsController
            sigma={sigma}
            onHoverNode={setHovered}
            onSelectNode={props.onSelectNode}
          />
          <CameraController
            sigma={sigma}
            target={props.cameraTarget}
            initialCamera={props.initialCamera}
            obstructionRefs={props.obstructionRefs}
          />
          <ZoomControls sigma={sigma} obstructionRefs={props.obstructionRefs} />
          {labels !== null && (
            <ExportControls sigma={sigma} labels={labels} dataset={dataset} view={props.view} />
          )}
        </>
      )}
    </div>
  );
}
