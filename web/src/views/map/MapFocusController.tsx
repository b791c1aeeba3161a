/**
 * Applies the map's emphasis through sigma's reducers: the hovered node and its neighbours,
 * a cluster pointed at in the legend, or the selection stay in colour and the rest fades. New
 * reducers are set only when the graph or its appearance changes; a change of hover or
 * selection updates what they read and asks sigma to redraw without re-indexing. The data
 * graph is never written to. Renders nothing.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { MapDataset } from '../../core/map/map-dataset.ts';
import { computeEmphasis, type MapFocusState } from '../../core/map/map-focus.ts';
import { createMapReducers, type MapStress } from '../../core/map/map-reducers.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';

interface MapFocusControllerProps {
  sigma: MapSigma;
  dataset: MapDataset;
  focus: MapFocusState;
}

export function MapFocusController({ sigma, dataset, focus }: MapFocusControllerProps) {
  const { hovered, hoveredCluster, selected } = focus;
  // `selected` is a fresh array on most renders; its content is what matters.
  const selectedKey = selected.join('\n');

  const stress = useMemo((): MapStress => {
    const selection = selectedKey === '' ? [] : selectedKey.split('\n');
    const emphasis = computeEmphasis(dataset.graph, {
      hovered,
      hoveredCluster,
      selected: selection,
    });
    return { emphasis, selected: new Set(selection) };
  }, [dataset, hovered, hoveredCluster, selectedKey]);
  const current = useRef(stress);
  // The dataset the reducers on `sigma` were made for.
  const reducing = useRef<MapDataset | null>(null);

  useEffect(() => {
    current.current = stress;
    if (reducing.current === dataset) sigma.refresh({ skipIndexation: true });
  }, [sigma, dataset, stress]);

  useEffect(() => {
    const reducers = createMapReducers(dataset.graph, dataset.appearance, () => current.current);
    reducing.current = dataset;
    sigma.setSetting('nodeReducer', reducers.nodeReducer);
    sigma.setSetting('edgeReducer', reducers.edgeReducer);
  }, [sigma, dataset]);

  return null;
}
