/**
 * "Compare backends": the same scenario on a second backend in its own worker (the compare run),
 * from the same seed, and where the two runs part: a strip of the per-step relative difference of
 * the loss (log scale, exact zeros on a rail of their own), markers at the first step that differs
 * at all, the first past 1e-6 relative and each run's first non-finite step, and a table of the
 * first divergence with the measured edge cases that can explain it.
 */
import { useMemo, useState } from 'react';
import { compareRecords, DIFF_THRESHOLD, type BackendComparison } from '../engine/backendComparison';
import { PLAIN, showNumber } from '../engine/numberFormat';
import type { BackendName, Scenario } from '../engine/scenario';
import { changedFields } from '../state/urlSync';
import { useLive } from '../state/useLive';
import { useStore } from '../state/useStore';
import { DiffStrip } from '../charts/DiffStrip';
import { usePlayground } from './context';

/** The compare run is a backend comparison when it differs from the main scenario in its backend only. */
export function isBackendComparison(main: Scenario, compare: Scenario | undefined): boolean {
  if (!compare) return false;
  const changed = changedFields(main, compare).filter((k) => k !== 'continueOnFlag');
  return changed.length === 1 && changed[0] === 'backend';
}

const BACKENDS: readonly BackendName[] = ['cpu', 'wasm', 'webgl', 'webgpu'];

const exact = (v: number): string => (Number.isFinite(v) ? String(v) : showNumber(v, PLAIN));

export function BackendDiffPanel() {
  const { store, actions, run, compare } = usePlayground();
  const scenario = useStore(store, (s) => s.scenario);
  const backend = useStore(store, (s) => s.backend);
  const compareRun = useStore(store, (s) => s.compare);
  const active = backend?.active ?? null;
  const others = BACKENDS.filter((b) => b !== active);
  const [other, setOther] = useState<BackendName>(others.includes('cpu') ? 'cpu' : (others[0] ?? 'cpu'));
  const comparing = compareRun !== null && isBackendComparison(scenario, compareRun.scenario);
  const feeds = useMemo(() => [run, compare], [run, compare]);
  // Re-render with either run's loss view: new records on either side are a new comparison.
  useLive(feeds, 'loss');
  const diff: BackendComparison | null =
    comparing && backend && compareRun.backend
      ? compareRecords(
          [
            { backend: backend.active, quirks: backend.quirks },
            { backend: compareRun.backend.active, quirks: compareRun.backend.quirks },
          ],
          run.history.exportable().records,
          compare.history.exportable().records,
        )
      : null;

  return (
    <section className="panel backend-diff" aria-labelledby="backend-diff-title" data-testid="backend-diff">
      <div className="panel-head">
        <h2 id="backend-diff-title">Compare backends</h2>
        <label className="inline">
          against
          <select value={other} onChange={(e) => setOther(e.target.value as BackendName)} data-testid="diff-backend">
            {others.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="compare-backends"
          disabled={!active}
          onClick={() => actions.compareWith({ ...scenario, backend: other }, `on ${other}`)}
        >
          Run it on {other} too
        </button>
      </div>
      {!comparing && (
        <p className="muted">
          Runs this scenario on a second backend from the same seed, to show where the two disagree. Play this run too: the steps both have are compared.
        </p>
      )}
      {comparing && !diff && <p className="muted">Starting {compareRun?.scenario.backend}…</p>}
      {diff && <DiffView diff={diff} />}
    </section>
  );
}

function DiffView({ diff }: { diff: BackendComparison }) {
  const [a, b] = diff.backends;
  const row = (label: string, d: BackendComparison['firstDifference']) => (
    <tr>
      <th scope="row">{label}</th>
      {d ? (
        <>
          <td data-testid={label === 'differs at all' ? 'diff-first-step' : 'diff-beyond-step'}>step {d.step}</td>
          <td>{d.quantity}</td>
          <td>{exact(d.a)}</td>
          <td>{exact(d.b)}</td>
        </>
      ) : (
        <td colSpan={4}>not in the {diff.steps} steps both runs have</td>
      )}
    </tr>
  );
  return (
    <>
      <DiffStrip diff={diff} />
      <table className="diff-table" data-testid="diff-table">
        <thead>
          <tr>
            <th scope="col">first step where the runs…</th>
            <th scope="col">step</th>
            <th scope="col">quantity (computation order)</th>
            <th scope="col">{a}</th>
            <th scope="col">{b}</th>
          </tr>
        </thead>
        <tbody>
          {row('differs at all', diff.firstDifference)}
          {row(`differs by more than ${DIFF_THRESHOLD.toExponential(0)}`, diff.firstBeyondThreshold)}
          <tr>
            <th scope="row">has a non-finite value</th>
            <td colSpan={2} />
            <td data-testid="diff-flag-a">{diff.firstNonFiniteStep[0] === null ? 'none' : `step ${diff.firstNonFiniteStep[0]}`}</td>
            <td data-testid="diff-flag-b">{diff.firstNonFiniteStep[1] === null ? 'none' : `step ${diff.firstNonFiniteStep[1]}`}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="diff-explanation">{diff.explanation}</p>
    </>
  );
}
