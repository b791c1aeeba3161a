/**
 * The right-hand panel: shows the topic, paper or repository selected in the URL, with
 * explicit loading and error states and a close button (Escape closes it too). Each
 * selection gets a fresh scroll position, and keyboard focus follows a selection made from
 * inside the panel so it is not lost with the link that was clicked.
 */
import { useEffect, useRef, type Ref } from 'react';
import type { Route, RouteKind } from '../../core/selection/route.ts';
import type { SelectionDetail } from '../../core/use-explorer-data.ts';
import type { PanelContext } from './panel-context.ts';
import { PaperPanel } from './PaperPanel.tsx';
import { RepositoryPanel } from './RepositoryPanel.tsx';
import { TopicPanel } from './TopicPanel.tsx';

const NOUNS = { topic: 'topic', paper: 'paper', repository: 'repository' } satisfies Record<
  RouteKind,
  string
>;

interface SidePanelProps {
  route: NonNullable<Route>;
  detail: SelectionDetail;
  context: PanelContext;
  onClose: () => void;
  ref?: Ref<HTMLElement>;
}

export function SidePanel({ route, detail, context, onClose, ref }: SidePanelProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const routeKey = `${route.kind}:${route.id}`;

  useEffect(() => {
    const scroller = scrollRef.current;
    const panel = scroller?.parentElement;
    if (!scroller || !panel) return;
    const active = document.activeElement;
    if (active === null || active === document.body || panel.contains(active)) {
      scroller.focus({ preventScroll: true });
    }
  }, [routeKey]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="combobox"]')) return;
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside ref={ref} className="side-panel card" aria-label={`Selected ${NOUNS[route.kind]}`}>
      <button type="button" className="close-button" aria-label="Close panel" onClick={onClose}>
        ×
      </button>
      <div className="side-panel__scroll" key={routeKey} ref={scrollRef} tabIndex={-1}>
        <PanelContent detail={detail} context={context} />
      </div>
    </aside>
  );
}

function PanelContent({ detail, context }: { detail: SelectionDetail; context: PanelContext }) {
  const { resource } = detail;
  if (resource.status === 'idle' || resource.status === 'loading') {
    return (
      <div className="panel-body panel-loading" aria-busy="true" aria-live="polite">
        <span className="visually-hidden">Loading {NOUNS[detail.kind]}…</span>
        <div className="skeleton skeleton--kicker" />
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--title skeleton--short" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line skeleton--short" />
      </div>
    );
  }
  if (resource.status === 'error') {
    const missing = resource.error.status === 404;
    return (
      <div className="panel-body" role="alert">
        <p className="kicker">
          <span className="kicker__kind">{NOUNS[detail.kind]}</span>
        </p>
        <h2 className="panel-title">
          {missing ? `This ${NOUNS[detail.kind]} is not in the store` : 'Could not load this'}
        </h2>
        <p className="error-text">{resource.error.message}</p>
      </div>
    );
  }
  switch (detail.kind) {
    case 'topic':
      return detail.resource.status === 'ready' ? (
        <TopicPanel detail={detail.resource.data} context={context} />
      ) : null;
    case 'paper':
      return detail.resource.status === 'ready' ? (
        <PaperPanel detail={detail.resource.data} context={context} />
      ) : null;
    case 'repository':
      return detail.resource.status === 'ready' ? (
        <RepositoryPanel detail={detail.resource.data} context={context} />
      ) : null;
  }
}
