/** Rejected URL keys, transient notices and worker errors, in one visible place. */
import { useStore } from '../state/useStore';
import { usePlayground } from './context';

export function Notices() {
  const { store, actions } = usePlayground();
  const rejected = useStore(store, (s) => s.rejected);
  const notices = useStore(store, (s) => s.notices);
  const error = useStore(store, (s) => s.error);
  const unsupported = useStore(store, (s) => s.unsupported);
  if (rejected.length === 0 && notices.length === 0 && !error && !unsupported) return null;
  return (
    <div className="notices" data-testid="notice" role="status" aria-live="polite">
      {error && (
        <div className="notice error" role="alert" data-testid="worker-error">
          <strong>Training stopped with an error:</strong> {error}{' '}
          <button type="button" onClick={() => actions.reset()}>
            Reset
          </button>
        </div>
      )}
      {unsupported && <div className="notice warn">{unsupported}</div>}
      {rejected.length > 0 && (
        <div className="notice warn" data-testid="rejected-keys">
          <strong>Ignored in the link:</strong>{' '}
          {rejected.map((r) => (
            <span key={`${r.key}=${r.value}`} className="rejected">
              <code>
                {r.key}={r.value}
              </code>{' '}
              ({r.reason})
            </span>
          ))}{' '}
          — the defaults are used instead.
          <button type="button" className="link" onClick={() => store.setState({ rejected: [] })} aria-label="Dismiss ignored keys notice">
            ✕
          </button>
        </div>
      )}
      {notices.map((n) => (
        <div key={n} className="notice">
          {n}
        </div>
      ))}
    </div>
  );
}
