/**
 * The full-window topic map. This component owns the sigma renderer: it creates it on the
 * graph, hands it to the small controllers that configure it (reducers, events, camera,
 * zoom buttons), and `kill()`s it on unmount or when the graph changes. Hover state lives
 * here; the selection comes from the URL through props.
 */
import { useEffect, useState, type RefObject } from 'react';
import Sigma from 'sigma';
import type {
  CoOccurrenceEdgeAttributes,
  TopicNodeAttributes,
} from '../../../../server/api/types.ts';
import type { MapDataset } from '../../core/map/map-dataset.ts';
import { DEFAULT_SIGMA_SETTINGS } from '../../core/map/sigma-settings.ts';
import { CameraController, type CameraTarget } from './CameraController.tsx';
import { MapEventsController } from './MapEventsController.tsx';
import { MapFocusController } from './MapFocusController.tsx';
import { ExportControls } from './ExportControls.tsx';
import { ZoomControls } from './ZoomControls.tsx';

const COLOR_LABELS = {
  cluster: 'cluster',
  year: 'mean publication year',
  code: 'share of papers with code',
} as const;

export type TopicSigma = Sigma<TopicNodeAttributes, CoOccurrenceEdgeAttributes>;

interface TopicMapProps {
  dataset: MapDataset;
  /** Selected topics: the selected topic, or the selected paper's topics. */
  selected: readonly string[];
  hoveredCluster: number | null;
  cameraTarget: CameraTarget | null;
  /** Elements floating over the map (side panel, toolbar, legend), kept clear by the camera. */
  obstructionRefs: readonly RefObject<HTMLElement | null>[];
  onSelectTopic: (topic: string) => void;
}

export function TopicMap(props: TopicMapProps) {
  const { dataset } = props;
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [sigma, setSigma] = useState<TopicSigma | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);

  useEffect(() => {
    if (container === null) return undefined;
    const renderer: TopicSigma = new Sigma(dataset.graph, container, DEFAULT_SIGMA_SETTINGS);
    // The renderer is an external object; React state only tells the controllers it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSigma(renderer);
    return () => {
      setSigma(null);
      setHovered(null);
      renderer.kill();
    };
  }, [container, dataset.graph]);

  return (
    <div className="topic-map">
      <div
        ref={setContainer}
        className="topic-map__canvas"
        role="img"
        aria-label={`Topic map: ${dataset.graph.order} topics, coloured by ${COLOR_LABELS[dataset.appearance.colorMode]}`}
        data-color-mode={dataset.appearance.colorMode}
        data-testid="topic-map"
      />
      {sigma !== null && (
        <>
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
            onHoverTopic={setHovered}
            onSelectTopic={props.onSelectTopic}
          />
          <CameraController
            sigma={sigma}
            target={props.cameraTarget}
            obstructionRefs={props.obstructionRefs}
          />
          <ZoomControls sigma={sigma} obstructionRefs={props.obstructionRefs} />
          <ExportControls sigma={sigma} dataset={dataset} />
        </>
      )}
    </div>
  );
}
