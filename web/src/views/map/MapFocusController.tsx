/**
 * Applies hover, legend and selection emphasis to the map by giving sigma new reducers
 * (`setSetting` refreshes the render). The data graph is only read. Renders nothing.
 */
import { useEffect, useMemo } from 'react';
import type { MapDataset } from '../../core/map/map-dataset.ts';
import { computeEmphasis, type MapFocusState } from '../../core/map/map-focus.ts';
import { createMapReducers } from '../../core/map/map-reducers.ts';
import type { MapSigma } from './GraphMap.tsx';

interface MapFocusControllerProps {
  sigma: MapSigma;
  dataset: MapDataset;
  focus: MapFocusState;
}

export function MapFocusController({ sigma, dataset, focus }: MapFocusControllerProps) {
  const { hovered, hoveredCluster, selected } = focus;
  // `selected` is a fresh array on most renders; its content is what matters.
  const selectedKey = selected.join('\n');

  const reducers = useMemo(() => {
    const selection = selectedKey === '' ? [] : selectedKey.split('\n');
    const emphasis = computeEmphasis(dataset.graph, {
      hovered,
      hoveredCluster,
      selected: selection,
    });
    return createMapReducers(dataset.graph, dataset.appearance, emphasis, new Set(selection));
  }, [dataset, hovered, hoveredCluster, selectedKey]);

  useEffect(() => {
    sigma.setSetting('nodeReducer', reducers.nodeReducer);
    sigma.setSetting('edgeReducer', reducers.edgeReducer);
  }, [sigma, reducers]);

  return null;
}
