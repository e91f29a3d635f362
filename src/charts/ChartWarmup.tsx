/**
 * Draws the loss and norm charts once, off screen, while the page is idle after loading, then
 * removes them. The first render of a chart with data runs much of Recharts' code for the first
 * time (parsing and compiling it), which took 60–160 ms of main thread on a busy 2-core machine;
 * paying that before Play keeps the first training frames short.
 */
import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import type { StepRecord } from '../engine/records';
import { createAppStore, initialAppState, type AppStore } from '../state/appState';
import { LossChart } from './LossChart';
import { NormChart } from './NormChart';
import { RunSeries } from '../state/runSeries';

function sampleRecord(step: number): StepRecord {
  const v = 1 / step;
  const per = { 'dense1/kernel': v, 'dense1/bias': v / 2 };
  return { step, loss: step === 3 ? Infinity : v, gradNorm: v, gradNorms: per, weightNorms: per, updateRatios: per, activationMax: { dense1: v }, nonFinite: step === 3, skipped: false, warnings: [] };
}

const HIDDEN = { position: 'absolute', left: -10_000, top: 0, width: 800, visibility: 'hidden', pointerEvents: 'none' } as const;

/** `store`: the page's store, told when the warm-up is over; it is skipped if training started first. */
export function ChartWarmup({ store }: { store: AppStore }) {
  const [phase, setPhase] = useState<'waiting' | 'drawing' | 'done'>('waiting');
  const sample = useMemo(() => {
    const store = createAppStore(initialAppState(DEFAULT_SCENARIO, [], false));
    const series = new RunSeries(0);
    for (let s = 1; s <= 3; s++) series.push(sampleRecord(s));
    return { store, series };
  }, []);
  useEffect(() => {
    if (phase === 'waiting') {
      // Safari has no requestIdleCallback; a timeout after load does the same job there.
      const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 300));
      const cancel = window.cancelIdleCallback ?? window.clearTimeout;
      // Once training runs, the page is not idle, and the warm-up would only add to a busy frame.
      const start = () => {
        if (!store.getState().running) return setPhase('drawing');
        setPhase('done');
        store.setState({ chartWarmup: 'skipped' });
      };
      const id = idle(start, { timeout: 2000 });
      return () => cancel(id);
    }
    if (phase === 'drawing') {
      const id = window.setTimeout(() => {
        setPhase('done');
        store.setState({ chartWarmup: 'done' });
      }, 0);
      return () => window.clearTimeout(id);
    }
    return undefined;
  }, [phase, store]);
  if (phase !== 'drawing') return null;
  return (
    <div aria-hidden="true" style={HIDDEN}>
      <LossChart store={sample.store} series={sample.series} scale="log" smoothing={0.5} report={null} compare={null} first={null} />
      <NormChart title="" store={sample.store} series={sample.series.gradNorms} testId="warmup-norm-chart" which={0} />
    </div>
  );
}
