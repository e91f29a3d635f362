/** The transport and status bar: play/pause, step, reset, speed, step counter, steps/s, backend, precision. */
import { useLive } from '../state/useLive';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { RunStatus } from './RunStatus';
import { SpeedSelect } from './SpeedSelect';

export function TopBar({ compact = false }: { compact?: boolean }) {
  const { store, actions } = usePlayground();
  const running = useStore(store, (s) => s.running);
  const backend = useStore(store, (s) => s.backend);
  const precision = useStore(store, (s) => s.scenario.precision);

  return (
    <div className="topbar" role="toolbar" aria-label="Training controls">
      <button type="button" className="primary" data-testid="play-button" aria-pressed={running} onClick={() => actions.toggle()} title="Play / pause (Space)">
        {running ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" data-testid="step-button" onClick={() => actions.stepOnce()} title="One step (→)">
        Step ▸
      </button>
      <button type="button" data-testid="reset-button" onClick={() => actions.reset()} title="New model, step 0 (R)">
        ↺ Reset
      </button>
      {!compact && <SpeedSelect />}
      <StepCounter />
      {!compact && (
        <>
          <StepRate />
          <span className="stat" data-testid="backend-indicator" title={backend?.reason ?? ''}>
            backend <strong>{backend ? backend.active : '…'}</strong>
            {backend && backend.requested !== 'auto' && backend.requested !== backend.active && (
              <span className="fallback">
                {' '}
                (asked {backend.requested}
                {backend.reason ? `: ${backend.reason}` : ''})
              </span>
            )}
            {backend && backend.requested === 'auto' && <span className="muted"> (auto)</span>}
          </span>
          <span className={`badge ${precision === 'float32' ? '' : 'warn'}`} data-testid="precision-badge" title="Number format of weights and activations">
            {precision}
          </span>
        </>
      )}
      <RunStatus />
    </div>
  );
}

/** The counters follow the run's step view on their own, so a frame re-renders them and not the bar. */
function StepCounter() {
  const { run } = usePlayground();
  const step = useLive(run, 'step', () => run.step);
  return (
    <span className="stat" aria-live="off">
      step <strong data-testid="step-counter">{step}</strong>
    </span>
  );
}

function StepRate() {
  const { run } = usePlayground();
  const rate = useLive(run, 'step', () => Math.round(run.stepsPerSecond));
  return (
    <span className="stat" data-testid="steps-per-second">
      {rate} steps/s
    </span>
  );
}
