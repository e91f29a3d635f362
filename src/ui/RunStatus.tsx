/**
 * Where a stopped run stands, with what can be done next: a run that reached its Steps offers
 * Continue; a run paused at its first non-finite value offers Step past it, Keep going (the rest
 * of the run, the sentinel no longer pausing) and Reset. Nothing is a silent dead end.
 */
import { useStore } from '../state/useStore';
import { usePlayground } from './context';

export function RunStatus() {
  const { store, actions, run } = usePlayground();
  const running = useStore(store, (s) => s.running);
  const stopReason = useStore(store, (s) => s.stopReason);
  const report = useStore(store, (s) => s.report);
  const keepGoing = useStore(store, (s) => s.scenario.continueOnFlag);
  if (running) return null;
  if (report && !keepGoing && stopReason === 'flagged') {
    return (
      <span className="run-status flag" role="status" data-testid="run-status" data-status="flagged">
        Paused at step {report.step}: the first non-finite value.
        <button type="button" data-testid="step-past" onClick={() => actions.stepOnce()}>
          Step past it
        </button>
        <button
          type="button"
          data-testid="keep-going"
          onClick={() => {
            actions.setScenario({ ...store.getState().scenario, continueOnFlag: true });
            actions.play();
          }}
        >
          Keep going
        </button>
        <button type="button" onClick={() => actions.reset()}>
          Reset
        </button>
      </span>
    );
  }
  if (stopReason === 'done') {
    return (
      <span className="run-status" role="status" data-testid="run-status" data-status="complete">
        Run complete at step {run.step}.
        <button type="button" data-testid="continue-run" onClick={() => actions.play(true)} title="Train on past the scenario's Steps">
          Continue
        </button>
      </span>
    );
  }
  return null;
}
