/**
 * The legend (bottom left), with the colour mode switch above it. By cluster: each cluster's
 * colour and name, largest first, with a checkbox that shows or hides its topics (or papers).
 * Pointing at (or focusing) a cluster emphasises its nodes on the map; clicking it pins that
 * emphasis and fits the cluster in view (clicking again lets go). Long legends show the
 * largest clusters and expand on demand; the whole legend can be collapsed out of the way. By
 * year or code: the colour scale with its ends, and the colour of nodes without a value. The
 * focus view has its own legend: the colours of the three kinds of node.
 */
import { useState, type Ref } from 'react';
import type { ClusterSummary } from '../../../server/api/types.ts';
import {
  colorModeInfo,
  COLOR_MODES,
  NO_VALUE_COLOR,
  type ColorMode,
  type ContinuousScale,
} from '../core/appearance/color-modes.ts';
import { plural } from '../core/format/format.ts';
import { FOCUS_LIMITS } from '../core/map/focus-graph.ts';
import { KIND_LABELS } from '../core/map/map-dataset.ts';
import type { MapGraph, NodeKind } from '../core/map/map-graph.ts';
import { ChoiceButtons } from './common/ChoiceButtons.tsx';

const SHOWN = 8;

interface LegendProps {
  /** What the map's nodes are: "topic" or "paper". */
  noun: string;
  clusters: readonly ClusterSummary[];
  colorMode: ColorMode;
  /** The scale of a continuous colour mode; null in cluster mode or when nothing has a value. */
  scale: ContinuousScale | null;
  onColorMode: (mode: ColorMode) => void;
  colorOf: (cluster: number) => string;
  /** Topics of a cluster the filters leave on the map. */
  shownIn: (cluster: number) => number;
  /** Clusters switched off (their nodes hidden). */
  hiddenClusters: readonly number[];
  onToggleCluster: (cluster: number) => void;
  /** The cluster pinned by a click, if any. */
  selectedCluster: number | null;
  onHoverCluster: (cluster: number | null) => void;
  onSelectCluster: (cluster: number) => void;
  ref?: Ref<HTMLElement>;
}

export function Legend({
  noun,
  clusters,
  colorMode,
  scale,
  onColorMode,
  colorOf,
  shownIn,
  hiddenClusters,
  onToggleCluster,
  selectedCluster,
  onHoverCluster,
  onSelectCluster,
  ref,
}: LegendProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [expanded, setExpanded] = useState(false);
  if (clusters.length === 0) return null;
  const shown = expanded ? clusters : clusters.slice(0, SHOWN);
  const hidden = clusters.length - shown.length;

  const info = colorModeInfo(colorMode);

  return (
    <section ref={ref} className="legend card" aria-labelledby="legend-title">
      <ChoiceButtons
        label={`Colour ${noun}s by`}
        choices={COLOR_MODES.map(({ mode, label, title }) => ({ value: mode, label, title }))}
        value={colorMode}
        onChange={onColorMode}
        className="segmented legend__modes"
        buttonClassName="segmented__choice"
      />
      <div className="legend__header">
        <h2 id="legend-title" className="legend__title">
          {info.legend}
          {colorMode === 'cluster' && (
            <>
              {' '}
              <span className="legend__count">{clusters.length}</span>
            </>
          )}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-expanded={!collapsed}
          aria-controls="legend-list"
          aria-label={collapsed ? 'Show clusters' : 'Hide clusters'}
          onClick={() => setCollapsed(!collapsed)}
        >
          {collapsed ? '▴' : '▾'}
        </button>
      </div>
      {!collapsed && colorMode !== 'cluster' && (
        <ScaleLegend scale={scale} noValue={info.noValue ?? null} />
      )}
      {!collapsed && colorMode === 'cluster' && (
        <>
          <ul id="legend-list" className="legend__list" onMouseLeave={() => onHoverCluster(null)}>
            {shown.map((cluster) => (
              <li
                key={cluster.id}
                className={
                  hiddenClusters.includes(cluster.id)
                    ? 'legend__row legend__row--off'
                    : 'legend__row'
                }
              >
                <input
                  type="checkbox"
                  className="legend__toggle"
                  checked={!hiddenClusters.includes(cluster.id)}
                  aria-label={`Show cluster ${cluster.label}`}
                  onChange={() => onToggleCluster(cluster.id)}
                />
                <button
                  type="button"
                  className="legend__item"
                  aria-pressed={cluster.id === selectedCluster}
                  title={`${cluster.label} — ${plural(shownIn(cluster.id), noun)} shown${noun === 'topic' ? ` of ${cluster.topicCount}` : ''} (click to zoom to them)`}
                  onMouseEnter={() => onHoverCluster(cluster.id)}
                  onFocus={() => onHoverCluster(cluster.id)}
                  onBlur={() => onHoverCluster(null)}
                  onClick={() => onSelectCluster(cluster.id)}
                >
                  <span
                    className="swatch"
                    style={{ background: colorOf(cluster.id) }}
                    aria-hidden="true"
                  />
                  <span className="legend__label">{cluster.label}</span>
                  <span className="legend__topics">{shownIn(cluster.id)}</span>
                </button>
              </li>
            ))}
          </ul>
          {(hidden > 0 || expanded) && (
            <button
              type="button"
              className="link-button legend__more"
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? 'Show fewer' : `+ ${plural(hidden, 'more cluster')}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** A continuous scale: its gradient between its two ends, and the colour of "no value". */
function ScaleLegend({
  scale,
  noValue,
}: {
  scale: ContinuousScale | null;
  noValue: string | null;
}) {
  if (scale === null) {
    return (
      <p id="legend-list" className="legend__empty">
        No topic on the map has a dated paper.
      </p>
    );
  }
  return (
    <div id="legend-list" className="legend__scale">
      <div
        className="legend__gradient"
        style={{ background: `linear-gradient(to right, ${scale.stops.join(', ')})` }}
        aria-hidden="true"
      />
      <div className="legend__ends">
        <span data-testid="scale-min">{scale.format(scale.min)}</span>
        <span data-testid="scale-max">{scale.format(scale.max)}</span>
      </div>
      {noValue !== null && (
        <div className="legend__novalue">
          <span className="swatch" style={{ background: NO_VALUE_COLOR }} aria-hidden="true" />
          {noValue}
        </div>
      )}
    </div>
  );
}

interface KindLegendProps {
  colors: Record<NodeKind, string>;
  graph: MapGraph;
  ref?: Ref<HTMLElement>;
}

/** The focus view's legend: what each colour stands for, and how many of each are drawn. */
export function KindLegend({ colors, graph, ref }: KindLegendProps) {
  const counts: Record<NodeKind, number> = { topic: 0, paper: 0, repository: 0 };
  graph.forEachNode((_, { kind }) => (counts[kind] += 1));
  return (
    <section ref={ref} className="legend card" aria-labelledby="legend-title">
      <div className="legend__header">
        <h2 id="legend-title" className="legend__title">
          Neighbourhood
        </h2>
      </div>
      <ul className="legend__list" data-testid="kind-legend">
        {(Object.keys(KIND_LABELS) as NodeKind[]).map((kind) => (
          <li key={kind} className="legend__row">
            <span className="legend__item legend__item--static">
              <span className="swatch" style={{ background: colors[kind] }} aria-hidden="true" />
              <span className="legend__label">{KIND_LABELS[kind]}</span>
              <span className="legend__topics">{counts[kind]}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="legend__hint">
        Each node opened brings its strongest neighbours: up to {FOCUS_LIMITS.related} related
        papers and {FOCUS_LIMITS.paperTopics} topics of a paper, {FOCUS_LIMITS.topicPapers} papers
        and {FOCUS_LIMITS.coOccurring} co-occurring topics of a topic. Click a node to open its
        neighbourhood too.
      </p>
    </section>
  );
}
