/**
 * The cluster legend (bottom left): each cluster's colour and name, largest first. Pointing
 * at (or focusing) a cluster emphasises its topics on the map; clicking it pins that emphasis
 * and fits the cluster in view (clicking again lets go). Long legends show the largest
 * clusters and expand on demand; the whole legend can be collapsed out of the way.
 */
import { useState, type Ref } from 'react';
import type { ClusterSummary } from '../../../server/api/types.ts';
import { plural } from '../core/format/format.ts';

const SHOWN = 8;

interface LegendProps {
  clusters: readonly ClusterSummary[];
  colorOf: (cluster: number) => string;
  /** The cluster pinned by a click, if any. */
  selectedCluster: number | null;
  onHoverCluster: (cluster: number | null) => void;
  onSelectCluster: (cluster: number) => void;
  ref?: Ref<HTMLElement>;
}

export function Legend({
  clusters,
  colorOf,
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

  return (
    <section ref={ref} className="legend card" aria-labelledby="legend-title">
      <div className="legend__header">
        <h2 id="legend-title" className="legend__title">
          Clusters <span className="legend__count">{clusters.length}</span>
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
      {!collapsed && (
        <>
          <ul id="legend-list" className="legend__list" onMouseLeave={() => onHoverCluster(null)}>
            {shown.map((cluster) => (
              <li key={cluster.id}>
                <button
                  type="button"
                  className="legend__item"
                  aria-pressed={cluster.id === selectedCluster}
                  title={`${cluster.label} — ${plural(cluster.topics, 'topic')} (click to zoom to them)`}
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
                  <span className="legend__topics">{cluster.topics}</span>
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
