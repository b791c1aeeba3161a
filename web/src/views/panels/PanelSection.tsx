/** A titled section of the side panel, with an optional count beside the heading. */
import type { ReactNode } from 'react';

interface PanelSectionProps {
  title: string;
  count?: number | string;
  children: ReactNode;
}

export function PanelSection({ title, count, children }: PanelSectionProps) {
  return (
    <section className="panel-section">
      <h3 className="panel-section__title">
        {title}
        {count !== undefined && <span className="panel-section__count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}
