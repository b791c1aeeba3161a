/**
 * Everything the explorer loads from the API for the URL's view and selection: the corpus
 * stats, the topic map (always: it also colours the panel's chips), the paper map in its view,
 * the selected topic, paper or repository, and the focus view's details; and the graphs
 * (datasets) built from them. App.tsx lays out what this gives.
 */
import { useMemo } from 'react';
import type {
  PaperDetailResponse,
  PaperMapResponse,
  RepositoryDetailResponse,
  StatsResponse,
  TopicDetailResponse,
  TopicMapResponse,
} from '../../../server/api/types.ts';
import { apiPaths } from './api.ts';
import { createFocusDataset, createMapDataset, createPaperDataset } from './map/map-dataset.ts';
import { useFocusDetails } from './map/use-focus-details.ts';
import type { SelectionDetails } from './selection/map-selection.ts';
import type { Route } from './selection/route.ts';
import type { ViewState } from './selection/view-state.ts';
import { useApiResource, type ApiResource } from './use-api-resource.ts';

/** What the side panel shows: the selection's detail, as it loads. */
export type SelectionDetail =
  | { kind: 'topic'; resource: ApiResource<TopicDetailResponse> }
  | { kind: 'paper'; resource: ApiResource<PaperDetailResponse> }
  | { kind: 'repository'; resource: ApiResource<RepositoryDetailResponse> };

export function useExplorerData(viewState: ViewState, route: Route) {
  const { view } = viewState;
  const stats = useApiResource<StatsResponse>(apiPaths.stats());
  const topicMap = useApiResource<TopicMapResponse>(apiPaths.topicMap(viewState.topics));
  const paperMap = useApiResource<PaperMapResponse>(view === 'papers' ? apiPaths.paperMap() : null);
  const topic = useApiResource<TopicDetailResponse>(
    route?.kind === 'topic' ? apiPaths.topic(route.id) : null,
  );
  const paper = useApiResource<PaperDetailResponse>(
    route?.kind === 'paper' ? apiPaths.paper(route.id) : null,
  );
  const repository = useApiResource<RepositoryDetailResponse>(
    route?.kind === 'repository' ? apiPaths.repository(route.id) : null,
  );

  // The focus view opens the nodes listed in the URL, or else the selection.
  const opened = useMemo(
    () =>
      view !== 'focus'
        ? []
        : viewState.expanded.length > 0
          ? viewState.expanded
          : route
            ? [route]
            : [],
    [view, viewState.expanded, route],
  );
  const focus = useFocusDetails(opened);

  const topicData = topicMap.status === 'ready' ? topicMap.data : null;
  const paperData = paperMap.status === 'ready' ? paperMap.data : null;
  const topicDataset = useMemo(
    () => (topicData === null ? null : createMapDataset(topicData)),
    [topicData],
  );
  const paperDataset = useMemo(
    () =>
      paperData === null || topicDataset === null
        ? null
        : createPaperDataset(paperData, topicDataset.clusters),
    [paperData, topicDataset],
  );
  const focusDetails = focus.status === 'ready' ? focus.details : null;
  const focusDataset = useMemo(
    () => (focusDetails === null ? null : createFocusDataset(focusDetails)),
    [focusDetails],
  );
  const detail: SelectionDetail | null =
    route?.kind === 'topic'
      ? { kind: 'topic', resource: topic }
      : route?.kind === 'paper'
        ? { kind: 'paper', resource: paper }
        : route?.kind === 'repository'
          ? { kind: 'repository', resource: repository }
          : null;
  // What the map needs of the selection's detail (map-selection.ts), once loaded.
  const paperTopics = paper.status === 'ready' ? paper.data.topics : null;
  const topicPapers = topic.status === 'ready' ? topic.data.papers : null;
  const repositoryPapers = repository.status === 'ready' ? repository.data.papers : null;
  const selection: SelectionDetails = useMemo(
    () => ({ paperTopics, topicPapers, repositoryPapers }),
    [paperTopics, topicPapers, repositoryPapers],
  );
  return {
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
  };
}
