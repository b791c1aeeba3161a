/**
 * The cluster legend (bottom left): each cluster's colour and name, largest first. Pointing
 * at (or focusing) a cluster emphasises its topics on the map. Long legends show the largest
 * clusters and expand on demand; the whole legend can be collapsed out of the way.
 */
import { useState } from 'react';
import type { ClusterSummary } from '../../../server/api/types.ts';
import { plural } from '../core/format/format.ts';

const SHOWN = 8;

interface LegendProps {
  clusters: readonly ClusterSummary[];
  colorOf: (cluster: number) => string;
  onHoverCluster: (cluster: number | null) => void;
}

export function Legend({ clusters, colorOf, onHoverCluster }: LegendProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [expanded, setExpanded] = useState(false);
  if (clusters.length === 0) return null;
  const shown = expanded ? clusters : clusters.slice(0, SHOWN);
  const hidden = clusters.length - shown.length;

  return (
    <section className="legend card" aria-labelledby="legend-title">
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
              <li
                key={cluster.id}
                className="legend__item"
                tabIndex={0}
                title={`${cluster.label} — ${plural(cluster.topics, 'topic')}`}
                onMouseEnter={() => onHoverCluster(cluster.id)}
                onFocus={() => onHoverCluster(cluster.id)}
                onBlur={() => onHoverCluster(null)}
              >
                <span
                  className="swatch"
                  style={{ background: colorOf(cluster.id) }}
                  aria-hidden="true"
                />
                <span className="legend__label">{cluster.label}</span>
                <span className="legend__topics">{cluster.topics}</span>
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
