/**
 * Beside the sentinel's verdict, the other failure: a run that stopped finite but did not learn (engine/stall.ts).
 * Judged once the run stops, over every step's loss, so a loss that is still settling is never called stuck; judged
 * once per stop, not on every render of the chart panel.
 */
import { useMemo } from 'react';
import { findStall } from '../engine/stall';
import { useLive } from '../state/useLive';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';

export function StallNote() {
  const { store, run } = usePlayground();
  const running = useStore(store, (s) => s.running);
  const flagged = useStore(store, (s) => s.report !== null);
  // Each stop toggles `running`, so the step and the stop together name the losses judged.
  const steps = useLive(run, 'loss', () => run.step);
  const text = useMemo(() => (running || flagged || steps === 0 ? null : (findStall(run.trace.losses())?.text ?? null)), [run, running, flagged, steps]);
  if (!text) return null;
  return (
    <strong className="stall-note" data-testid="stall-note">
      {text}
    </strong>
  );
}
