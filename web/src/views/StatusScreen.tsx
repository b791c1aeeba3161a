/**
 * The explicit whole-map states: loading the map, an empty corpus (with the command that
 * fills it), and a failure with the server's message and a way to retry.
 */

export type MapStatus =
  { kind: 'loading' } | { kind: 'empty' } | { kind: 'error'; message: string };

export function StatusScreen({ status }: { status: MapStatus }) {
  if (status.kind === 'loading') {
    return (
      <div className="status-screen" aria-busy="true" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p className="status-screen__text">Drawing the map…</p>
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
