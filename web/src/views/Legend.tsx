/**
 * The legend (bottom left), with the colour mode switch above it. By cluster: each cluster's
 * colour and name, largest first. Pointing at (or focusing) a cluster emphasises its topics
 * on the map; clicking it pins that emphasis and fits the cluster in view (clicking again lets
 * go). Long legends show the largest clusters and expand on demand; the whole legend can be
 * collapsed out of the way. By year or code: the colour scale with its ends, and the colour of
 * topics without a value.
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
import { ChoiceButtons } from './common/ChoiceButtons.tsx';

const SHOWN = 8;

interface LegendProps {
  clusters: readonly ClusterSummary[];
  colorMode: ColorMode;
  /** The scale of a continuous colour mode; null in cluster mode or when nothing has a value. */
  scale: ContinuousScale | null;
  onColorMode: (mode: ColorMode) => void;
  colorOf: (cluster: number) => string;
  /** Topics of a cluster the filters leave on the map. */
  shownIn: (cluster: number) => number;
  /** The cluster pinned by a click, if any. */
  selectedCluster: number | null;
  onHoverCluster: (cluster: number | null) => void;
  onSelectCluster: (cluster: number) => void;
  ref?: Ref<HTMLElement>;
}

export function Legend({
  clusters,
  colorMode,
  scale,
  onColorMode,
  colorOf,
  shownIn,
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
        label="Colour topics by"
        choices={COLOR_MODES.map(({ mode, label, title }) => ({ value: mode, label, title }))}
        value={colorMode}
        onChange={onColorMode}
        className="legend__modes"
        buttonClassName="legend__mode"
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
              <li key={cluster.id}>
                <button
                  type="button"
                  className="legend__item"
                  aria-pressed={cluster.id === selectedCluster}
                  title={`${cluster.label} — ${plural(shownIn(cluster.id), 'topic')} shown of ${cluster.topics} (click to zoom to them)`}
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
