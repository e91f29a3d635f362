/**
 * The loss chart with its scale and smoothing controls, and a caption naming the first non-finite
 * step; where the run measures a held-out loss, the caption names its two lines, training and validation.
 */
import { showKind } from '../engine/numberFormat';
import { useCallback, useMemo, useState } from 'react';
import { LineKey } from '../charts/LineKey';
import { LossChart, heldOutStyle, lineStyle } from '../charts/LossChart';
import type { StepRange } from '../charts/plotGeometry';
import { stepsBeforeFlag } from '../charts/zoomRange';
import { MarkerIcon } from '../charts/markers';
import type { ChartScale } from '../state/appState';
import { useLive } from '../state/useLive';
import { useStore } from '../state/useStore';
import { chartRuns, listRuns } from './chartRuns';
import { StallNote } from './StallNote';
import { usePlayground } from './context';
import { RunList } from './RunList';

const SCALES: ChartScale[] = ['linear', 'log', 'symlog'];

export function LossPanel({ height = 300, showControls = true }: { height?: number; showControls?: boolean }) {
  const { store, actions, run, compare, imports, lossChartRef } = usePlayground();
  const scale = useStore(store, (s) => s.chartScale);
  const smoothing = useStore(store, (s) => s.smoothing);
  const report = useStore(store, (s) => s.report);
  const compareRun = useStore(store, (s) => s.compare);
  const imported = useStore(store, (s) => s.imports);
  const hidden = useStore(store, (s) => s.hiddenRuns);
  const seen = useLive(run, 'loss', () => run.series.loss.firstNonFinite?.step ?? null);
  const validated = useLive(run, 'loss', () => run.heldOut.length > 0);
  const first = report?.step ?? seen;
  // A zoom belongs to the run it was made on: a new run (a reset, a new model) shows all its steps.
  const generation = useLive(run, 'step', () => run.generation);
  const [zoomed, setZoomed] = useState<{ generation: number; range: StepRange } | null>(null);
  const zoom = zoomed?.generation === generation ? zoomed.range : null;
  const setZoom = useCallback((range: StepRange | null) => setZoomed(range ? { generation, range } : null), [generation]);

  const listed = useMemo(
    () => listRuns({ compare: compareRun, imports: imported, hiddenRuns: hidden }, run, compare, imports),
    [run, compare, imports, compareRun, imported, hidden],
  );
  const runs = useMemo(() => chartRuns(listed), [listed]);

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
      <LossChart
        runs={runs}
        scale={scale}
        smoothing={smoothing}
        report={report}
        first={first}
        height={height}
        svgRef={lossChartRef}
        zoom={zoom}
        onZoom={setZoom}
      />
      <div className="chart-under">
        {listed.length > 1 && <RunList store={store} entries={listed} />}
        <span className="zoom-controls">
          {zoom ? (
            <button type="button" data-testid="zoom-out" onClick={() => setZoom(null)} title="Or double-click the chart">
              Show all steps
            </button>
          ) : (
            first !== null && (
              <button type="button" data-testid="zoom-to-flag" onClick={() => setZoom(stepsBeforeFlag(first, run.trace.firstStep ?? 0))}>
                Zoom to the steps before the flag
              </button>
            )
          )}
          <span className="muted small">Drag on the chart to zoom; double-click to zoom out.</span>
        </span>
      </div>
      <p className="caption">
        {validated && (
          <span className="key" data-testid="loss-key-validation">
            <LineKey style={lineStyle(0)} /> training <LineKey style={heldOutStyle(0)} /> validation (held-out rows)
          </span>
        )}
        <span className="key">
          <MarkerIcon kind="NaN" /> NaN
        </span>
        <span className="key">
          <MarkerIcon kind="+Inf" /> +Inf
        </span>
        <span className="key">
          <MarkerIcon kind="-Inf" /> −Inf
        </span>
        <StallNote />
        {first !== null ? (
          <strong data-testid="first-nonfinite" data-step={first}>
            First non-finite value at step {first}
            {report ? `: ${showKind(report.kind)} in ${report.quantity} (${report.phase})` : ''}
          </strong>
        ) : (
          <span className="muted">Non-finite values appear on the dotted rail at the top, never as a broken axis.</span>
        )}
      </p>
    </section>
  );
}
