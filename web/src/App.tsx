/**
 * The explorer: loads the corpus stats and the topic map, keeps the selection in the URL,
 * loads the selected topic / paper / repository, and lays out the map, the search box with
 * the stats header, the cluster legend and the side panel. The one place where API state,
 * URL state and the map meet.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type {
  PaperDetailResponse,
  RepositoryDetailResponse,
  SearchHit,
  StatsResponse,
  TopicDetailResponse,
  TopicMapResponse,
} from '../../server/api/types.ts';
import { apiPaths } from './core/api.ts';
import { createMapAppearance } from './core/map/map-appearance.ts';
import { createMapDataset } from './core/map/map-dataset.ts';
import { useColorMode, useMapFilters } from './core/selection/use-query-state.ts';
import { useRoute } from './core/selection/use-route.ts';
import { useApiResource } from './core/use-api-resource.ts';
import type { CameraTarget } from './views/map/CameraController.tsx';
import { TopicMap } from './views/map/TopicMap.tsx';
import { Legend } from './views/Legend.tsx';
import type { PanelContext } from './views/panels/panel-context.ts';
import { SidePanel, type PanelDetail } from './views/panels/SidePanel.tsx';
import { SearchBox } from './views/SearchBox.tsx';
import { FilterBar } from './views/FilterBar.tsx';
import { StatsLine } from './views/StatsLine.tsx';
import { StatusScreen, type MapStatus } from './views/StatusScreen.tsx';

export function App() {
  const stats = useApiResource<StatsResponse>(apiPaths.stats());
  const topicMap = useApiResource<TopicMapResponse>(apiPaths.topicMap());
  const [route, navigate] = useRoute();
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

  const topic = useApiResource<TopicDetailResponse>(
    route?.kind === 'topic' ? apiPaths.topic(route.id) : null,
  );
  const paper = useApiResource<PaperDetailResponse>(
    route?.kind === 'paper' ? apiPaths.paper(route.id) : null,
  );
  const repository = useApiResource<RepositoryDetailResponse>(
    route?.kind === 'repository' ? apiPaths.repository(route.id) : null,
  );

  const mapData = topicMap.status === 'ready' ? topicMap.data : null;
  const [colorMode, setColorMode] = useColorMode();
  const [filters, setFilters] = useMapFilters();
  const baseDataset = useMemo(
    () => (mapData === null ? null : createMapDataset(mapData)),
    [mapData],
  );
  // A new colour mode only changes the appearance: same graph, so the renderer and the camera
  // stay; the reducers pick up the new colours.
  const dataset = useMemo(
    () =>
      baseDataset === null
        ? null
        : {
            ...baseDataset,
            appearance: createMapAppearance(
              baseDataset.graph,
              baseDataset.clusters,
              colorMode,
              filters,
            ),
          },
    [baseDataset, colorMode, filters],
  );

  // What the map emphasises and where the camera goes: the selected topic, or the topics of
  // the selected paper once it has loaded.
  const paperTopics = paper.status === 'ready' ? paper.data.topics : null;
  const selectedTopics = useMemo((): string[] => {
    if (route?.kind === 'topic') return [route.id];
    if (route?.kind === 'paper' && paperTopics !== null) return paperTopics.map((t) => t.id);
    return [];
  }, [route, paperTopics]);
  const cameraTarget = useMemo((): CameraTarget | null => {
    if (pinnedCluster !== null && dataset !== null) {
      const members = dataset.graph.filterNodes((_, { cluster }) => cluster === pinnedCluster);
      return { key: `cluster:${pinnedCluster}`, topics: members, fit: true };
    }
    // With a selection whose topics are still loading, the target has no topics yet: the
    // camera waits instead of treating it as "nothing selected" (which shows the whole map).
    return routeKey === '' ? null : { key: routeKey, topics: selectedTopics };
  }, [routeKey, selectedTopics, pinnedCluster, dataset]);

  const selectTopic = useCallback((id: string) => navigate({ kind: 'topic', id }), [navigate]);
  const closePanel = useCallback(() => navigate(null), [navigate]);
  const selectCluster = useCallback(
    (cluster: number) => setPinned(cluster === pinnedCluster ? null : { cluster, routeKey }),
    [pinnedCluster, routeKey],
  );
  const chooseHit = useCallback(
    (hit: SearchHit) => navigate({ kind: hit.kind, id: hit.id }),
    [navigate],
  );

  const panelContext = useMemo((): PanelContext => {
    const clusters = new Map(dataset?.clusters.map((cluster) => [cluster.id, cluster]));
    return {
      navigate,
      topicColor: (id) =>
        dataset?.graph.hasNode(id) ? dataset.appearance.nodeColor(id) : undefined,
      cluster: (id) => {
        const cluster = clusters.get(id);
        return cluster === undefined || dataset === null
          ? undefined
          : { label: cluster.label, color: dataset.appearance.clusterColor(id) };
      },
    };
  }, [dataset, navigate]);

  const panelDetail = ((): PanelDetail | null => {
    switch (route?.kind) {
      case 'topic':
        return { kind: 'topic', resource: topic };
      case 'paper':
        return { kind: 'paper', resource: paper };
      case 'repository':
        return { kind: 'repository', resource: repository };
      default:
        return null;
    }
  })();

  const mapStatus = ((): MapStatus | null => {
    if (topicMap.status === 'error') return { kind: 'error', message: topicMap.error.message };
    if (stats.status === 'ready' && stats.data.papers === 0) return { kind: 'empty' };
    if (dataset === null) return { kind: 'loading' };
    if (dataset.graph.order === 0) return { kind: 'empty' };
    return null;
  })();

  return (
    <div className={route === null ? 'app' : 'app app--panel-open'}>
      <main className="map-area">
        {dataset !== null && mapStatus === null ? (
          <TopicMap
            dataset={dataset}
            selected={selectedTopics}
            hoveredCluster={hoveredCluster ?? pinnedCluster}
            cameraTarget={cameraTarget}
            obstructionRefs={obstructionRefs}
            onSelectTopic={selectTopic}
          />
        ) : (
          <StatusScreen status={mapStatus ?? { kind: 'loading' }} />
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
            mapTopics={
              dataset !== null && mapStatus === null ? dataset.appearance.visibleCount : null
            }
          />
        </div>
        <SearchBox onChoose={chooseHit} />
        {dataset !== null && mapStatus === null && (
          <FilterBar filters={filters} onChange={setFilters} />
        )}
      </header>

      {dataset !== null && mapStatus === null && (
        <Legend
          ref={legendRef}
          clusters={dataset.clusters}
          colorMode={colorMode}
          scale={dataset.appearance.scale}
          onColorMode={setColorMode}
          colorOf={dataset.appearance.clusterColor}
          shownIn={dataset.appearance.visibleIn}
          selectedCluster={pinnedCluster}
          onHoverCluster={setHoveredCluster}
          onSelectCluster={selectCluster}
        />
      )}

      {route !== null && panelDetail !== null && (
        <SidePanel
          ref={panelRef}
          route={route}
          detail={panelDetail}
          context={panelContext}
          onClose={closePanel}
        />
      )}
    </div>
  );
}
