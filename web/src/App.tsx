/**
 * The explorer's layout: the map, the search box with the stats header and the view switch,
 * the legend and the side panel, wired to what is loaded (core/use-explorer-data.ts), the URL
 * (the selection and the view; the moves in core/selection/use-navigation.ts) and what the
 * map does with the selection (core/selection/map-selection.ts, pure).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../server/api/types.ts';
import { focusKey } from './core/map/focus-graph.ts';
import { createMapAppearance } from './core/map/map-appearance.ts';
import type { MapDataset } from './core/map/map-dataset.ts';
import { filtersActive, NO_FILTERS, withClusterToggled } from './core/map/map-filters.ts';
import { mapDescription, mapStatus, VIEW_NOUNS } from './core/map/map-status.ts';
import { cameraTarget, selectedNodes } from './core/selection/map-selection.ts';
import { useNavigation } from './core/selection/use-navigation.ts';
import { useColorMode, useMapFilters, useViewState } from './core/selection/use-query-state.ts';
import { useRoute } from './core/selection/use-route.ts';
import { useExplorerData } from './core/use-explorer-data.ts';
import { FilterBar } from './views/FilterBar.tsx';
import { KindLegend, Legend } from './views/Legend.tsx';
import { GraphMap } from './views/map/GraphMap.tsx';
import { createPanelContext } from './views/panels/panel-context.ts';
import { SidePanel } from './views/panels/SidePanel.tsx';
import { SearchBox } from './views/SearchBox.tsx';
import { StatsLine } from './views/StatsLine.tsx';
import { StatusScreen } from './views/StatusScreen.tsx';
import { ViewSwitch } from './views/ViewSwitch.tsx';

export function App() {
  const [viewState] = useViewState();
  const { view } = viewState;
  const route = useRoute();
  const {
    stats,
    topicMap,
    paperMap,
    detail,
    selection,
    opened,
    focus,
    topicDataset,
    paperDataset,
    focusDataset,
  } = useExplorerData(viewState, route);
  const [hoveredCluster, setHoveredCluster] = useState<number | null>(null);
  // A cluster clicked in the legend, pinned for the selection it was clicked on: any change
  // of selection (search, panel, back/forward, close) lets it go without an effect.
  const [pinned, setPinned] = useState<{ cluster: number; routeKey: string } | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const toolbarRef = useRef<HTMLElement>(null);
  const legendRef = useRef<HTMLElement>(null);
  const obstructionRefs = useMemo(() => [panelRef, toolbarRef, legendRef], []);
  const routeKey = route === null ? '' : `${route.kind}:${route.id}`;
  const pinnedCluster = pinned !== null && pinned.routeKey === routeKey ? pinned.cluster : null;
  const [colorMode, setColorMode] = useColorMode();
  const [filters, setFilters] = useMapFilters();
  // A new colour mode or filter only changes the appearance: same graph, so the renderer and
  // the camera stay; the reducers pick up the new colours. The focus graph keeps its own.
  const styled = useCallback(
    (base: MapDataset | null): MapDataset | null =>
      base === null
        ? null
        : {
            ...base,
            appearance: createMapAppearance(base.graph, base.clusters, colorMode, filters),
          },
    [colorMode, filters],
  );
  // The topic map's look also colours the panel's topic chips, in every view.
  const topicView = useMemo(() => styled(topicDataset), [styled, topicDataset]);
  const paperView = useMemo(
    () => (view === 'papers' ? styled(paperDataset) : null),
    [styled, view, paperDataset],
  );
  const dataset = view === 'topics' ? topicView : view === 'papers' ? paperView : focusDataset;

  // What the map emphasises and where the camera goes: the selection, or what stands for it
  // in this view (a paper's topics on the topic map, a topic's papers on the paper map).
  const selected = useMemo(
    () => selectedNodes(route, view, selection, dataset?.graph, focusKey),
    [route, view, selection, dataset],
  );
  const target = useMemo(
    () => cameraTarget({ route, view, selected, pinnedCluster, graph: dataset?.graph }),
    [route, view, selected, pinnedCluster, dataset],
  );

  const { go, selectNode, switchView, closePanel } = useNavigation({
    viewState,
    route,
    opened,
    graph: dataset?.graph,
  });
  const selectCluster = useCallback(
    (cluster: number) => setPinned(cluster === pinnedCluster ? null : { cluster, routeKey }),
    [pinnedCluster, routeKey],
  );
  const toggleCluster = useCallback(
    (cluster: number) => setFilters(withClusterToggled(filters, cluster)),
    [filters, setFilters],
  );
  const chooseHit = useCallback((hit: SearchHit) => go({ kind: hit.kind, id: hit.id }), [go]);
  const panelContext = useMemo(() => createPanelContext(topicView, go), [topicView, go]);

  const status = mapStatus({
    view,
    topicMap,
    paperMap,
    focus,
    paperCount: stats.status === 'ready' ? stats.data.paperCount : null,
    openedCount: opened.length,
    order: dataset === null ? null : dataset.graph.order,
  });

  const shown = dataset !== null && status === null ? dataset : null;

  return (
    <div className={route === null ? 'app' : 'app app--panel-open'}>
      <main className="map-area">
        {shown !== null ? (
          <GraphMap
            view={view}
            dataset={shown}
            description={mapDescription(
              view,
              shown.graph.order,
              colorMode,
              shown.kindColors !== undefined,
            )}
            selected={selected}
            hoveredCluster={hoveredCluster ?? pinnedCluster}
            cameraTarget={target}
            initialCamera={viewState.camera}
            obstructionRefs={obstructionRefs}
            onSelectNode={selectNode}
          />
        ) : (
          <StatusScreen status={status ?? { kind: 'loading', view }} />
        )}
      </main>

      <header ref={toolbarRef} className="toolbar card">
        <div className="brand">
          <h1 className="brand__name">
            <span className="brand__mark" aria-hidden="true" />
            Topograph
          </h1>
          <StatsLine
            stats={stats}
            view={view}
            shown={shown === null ? null : shown.appearance.visibleCount}
          />
        </div>
        <SearchBox onChoose={chooseHit} />
        <ViewSwitch view={view} onChange={switchView} />
        {shown !== null && view !== 'focus' && (
          <FilterBar filters={filters} onChange={setFilters} view={view} />
        )}
      </header>

      {shown !== null && shown.appearance.visibleCount === 0 && filtersActive(filters) && (
        <div className="no-match card" role="status" data-testid="no-match">
          <p>Nothing on this map matches the filters.</p>
          <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear the filters
          </button>
        </div>
      )}
      {shown !== null && shown.kindColors !== undefined && (
        <KindLegend ref={legendRef} colors={shown.kindColors} graph={shown.graph} />
      )}
      {shown !== null && shown.kindColors === undefined && (
        <Legend
          ref={legendRef}
          noun={VIEW_NOUNS[view].noun}
          clusters={shown.clusters}
          colorMode={colorMode}
          scale={shown.appearance.scale}
          onColorMode={setColorMode}
          colorOf={shown.appearance.clusterColor}
          shownIn={shown.appearance.visibleIn}
          hiddenClusters={filters.hiddenClusters}
          selectedCluster={pinnedCluster}
          onHoverCluster={setHoveredCluster}
          onSelectCluster={selectCluster}
          onToggleCluster={toggleCluster}
        />
      )}

      {route !== null && detail !== null && (
        <SidePanel
          ref={panelRef}
          route={route}
          detail={detail}
          context={panelContext}
          onClose={closePanel}
        />
      )}
    </div>
  );
}
