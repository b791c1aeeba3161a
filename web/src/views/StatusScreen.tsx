/**
 * The explicit whole-map states: loading the view's graph, an empty corpus (with the command
 * that fills it), a focus view with nothing selected (how to pick something), and a failure
 * with the server's message and a way to retry.
 */
import type { MapStatus } from '../core/map/map-status.ts';
import type { ViewName } from '../core/selection/view-state.ts';

const LOADING: Record<ViewName, string> = {
  topics: 'Drawing the topic map…',
  papers: 'Linking related papers…',
  focus: 'Gathering the neighbourhood…',
};

export function StatusScreen({ status }: { status: MapStatus }) {
  if (status.kind === 'loading') {
    return (
      <div className="status-screen" aria-busy="true" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p className="status-screen__text">{LOADING[status.view]}</p>
      </div>
    );
  }
  if (status.kind === 'no-focus') {
    return (
      <div className="status-screen">
        <div className="status-card card" data-testid="no-focus">
          <h2>Nothing to focus on yet</h2>
          <p>
            The focus view draws the neighbourhood of one paper, topic or repository. Search for one
            above, or pick it on the topic or paper map, then come back here.
          </p>
        </div>
      </div>
    );
  }
  if (status.kind === 'not-found') {
    return (
      <div className="status-screen">
        <div className="status-card card" role="alert" data-testid="focus-not-found">
          <h2>Nothing to focus on</h2>
          <p>
            This link names something the corpus does not hold ({status.message}). Search for a
            paper, topic or repository above to focus on it.
          </p>
        </div>
      </div>
    );
  }
  if (status.kind === 'empty') {
    return (
      <div className="status-screen">
        <div className="status-card card">
          <h2>No papers yet</h2>
          <p>
            The store is empty, so there is no map to draw. Ingest paper listings or exports, then
            reload this page:
          </p>
          <pre>
            <code>{'npm run ingest -- <files>'}</code>
          </pre>
          <p className="muted">
            For example <code>npm run ingest -- data/samples</code> loads the sample corpus.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="status-screen">
      <div className="status-card card" role="alert">
        <h2>The map could not be loaded</h2>
        <p className="error-text">{status.message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </div>
  );
}
