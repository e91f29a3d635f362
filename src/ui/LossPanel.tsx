/** The loss chart with its scale and smoothing controls, and a caption naming the first non-finite step. */
import { useMemo } from 'react';
import { LossChart, type ChartRun } from '../charts/LossChart';
import { MarkerIcon } from '../charts/markers';
import type { ChartScale } from '../state/appState';
import { useLive } from '../state/useLive';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';

const SCALES: ChartScale[] = ['linear', 'log', 'symlog'];

export function LossPanel({ height = 300, showControls = true }: { height?: number; showControls?: boolean }) {
  const { store, actions, run, compare, lossChartRef } = usePlayground();
  const scale = useStore(store, (s) => s.chartScale);
  const smoothing = useStore(store, (s) => s.smoothing);
  const report = useStore(store, (s) => s.report);
  const compareLabel = useStore(store, (s) => s.compare?.label ?? null);
  const seen = useLive(run, 'loss', () => run.series.loss.firstNonFinite?.step ?? null);
  const first = report?.step ?? seen;
  const runs = useMemo<ChartRun[]>(
    () =>
      compareLabel === null
        ? [{ feed: run, label: 'this run' }]
        : [
            { feed: run, label: 'before (this run)' },
            { feed: compare, label: `after: ${compareLabel}` },
          ],
    [run, compare, compareLabel],
  );

  return (
    <section className="panel" aria-labelledby="loss-title">
      <div className="panel-head">
        <h2 id="loss-title">Loss</h2>
        {showControls && (
          <div className="chart-controls">
            <fieldset className="segmented">
              <legend className="sr-only">Loss axis scale</legend>
              {SCALES.map((s) => (
                <label key={s} className={scale === s ? 'on' : ''}>
                  <input type="radio" name="loss-scale" value={s} checked={scale === s} onChange={() => store.setState({ chartScale: s })} />
                  {s}
                </label>
              ))}
            </fieldset>
            <label className="inline">
              Smoothing
              <input
                type="range"
                min={0}
                max={0.99}
                step={0.01}
                value={smoothing}
                onChange={(e) => actions.setSmoothing(Number(e.target.value))}
                aria-valuetext={smoothing.toFixed(2)}
              />
              <span className="num">{smoothing.toFixed(2)}</span>
            </label>
          </div>
        )}
      </div>
      <LossChart runs={runs} scale={scale} smoothing={smoothing} report={report} first={first} height={height} svgRef={lossChartRef} />
      <p className="caption">
        <span className="key">
          <MarkerIcon kind="NaN" /> NaN
        </span>
        <span className="key">
          <MarkerIcon kind="+Inf" /> +Inf
        </span>
        <span className="key">
          <MarkerIcon kind="-Inf" /> −Inf
        </span>
        {first !== null ? (
          <strong data-testid="first-nonfinite" data-step={first}>
            First non-finite value at step {first}
            {report ? `: ${report.kind} in ${report.quantity} (${report.phase})` : ''}
          </strong>
        ) : (
          <span className="muted">Non-finite values appear on the dotted rail at the top, never as a broken axis.</span>
        )}
      </p>
    </section>
  );
}
