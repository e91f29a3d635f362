/**
 * Loss vs step. Recharts draws the frame (axes, grid, reference lines); the curves and non-finite
 * markers are one SVG layer inside it that redraws on its own subscription. Recharts' per-point
 * work made every redraw a long task, so it is given no data points at all, and its axes use
 * rounded domains that change only when the data crosses a round value. Finite values are plotted
 * on a transformed axis (linear / log / symlog); NaN and ±Inf sit as shaped markers on a rail above
 * the data, so the axis never breaks; the first non-finite step gets a labelled vertical line.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { CartesianGrid, ComposedChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import type { NonFiniteReport } from '../engine/records';
import type { AppStore, ChartScale } from '../state/appState';
import { useStore } from '../state/useStore';
import { MarkerShape } from './markers';
import { niceAxisRange, niceStepCeil } from './niceDomain';
import { COLORS } from './palette';
import type { RunSeries } from './runSeries';
import { axisTicks } from './scales';
import { X_TICK, Y_TICKS, plainLabel } from './svgText';
import type { MinMaxSeries, NonFiniteMarker } from './series';
import { axisExtent, seriesPath } from './seriesPath';

export interface LossChartProps {
  store: AppStore;
  series: RunSeries;
  scale: ChartScale;
  smoothing: number;
  report: NonFiniteReport | null;
  /** A Compare run to overlay (its series is mutable; the store's compare.version says when it changed). */
  compare: { series: MinMaxSeries; label: string } | null;
  height?: number;
}

interface LayerProps extends Omit<LossChartProps, 'height'> {
  rail: number;
}

/** The curves and markers; re-renders on every chart update without re-rendering the Recharts frame. */
function SeriesLayer({ store, series, scale, smoothing, report, compare, rail }: LayerProps) {
  const version = useStore(store, (s) => s.chartVersion);
  const compareVersion = useStore(store, (s) => s.compare?.version ?? -1);
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const markers: NonFiniteMarker[] = [...series.loss.markers(), ...(compare?.series.markers() ?? [])];
  if (report && !markers.some((m) => m.step === report.step)) markers.push({ step: report.step, kind: report.kind });
  const railY = y(rail);
  const main = smoothing > 0 ? series.smoothed : series.loss;
  return (
    <g className="loss-series" data-testid="loss-series" data-version={version} data-points={main.points().length} data-compare-points={compare ? compare.series.points().length : 0} data-compare-version={compareVersion}>
      {smoothing > 0 && <path d={seriesPath(series.loss, x, y, scale)} fill="none" stroke={COLORS.lossRaw} strokeWidth={1} />}
      <path className="series-line" data-series="run" d={seriesPath(main, x, y, scale)} fill="none" stroke={COLORS.loss} strokeWidth={2.2} strokeLinejoin="round" />
      {compare && <path className="series-line" data-series="compare" d={seriesPath(compare.series, x, y, scale)} fill="none" stroke={COLORS.compare} strokeWidth={2.6} strokeDasharray="8 4" strokeLinejoin="round" />}
      {railY !== undefined &&
        markers.map((m) => {
          const cx = x(m.step);
          return cx === undefined ? null : <MarkerShape key={`${m.kind}${m.step}`} kind={m.kind} cx={cx} cy={railY} step={m.step} />;
        })}
    </g>
  );
}

/** Rounded axis domains, as a string so the frame re-renders only when one actually changes. */
function domainKey(series: RunSeries, compare: MinMaxSeries | null, scale: ChartScale): string {
  const extent = axisExtent(compare ? [series.loss, compare] : [series.loss], scale);
  const [lo, hi] = extent ? niceAxisRange(extent[0], extent[1], scale) : [0, 1];
  const xmax = niceStepCeil(Math.max(series.lastStep, compare ? compare.length : 0));
  return `${lo}|${hi}|${xmax}`;
}

const STEP_LABEL = plainLabel('step', 'bottomRight', { fontSize: 12, fill: '#444' });
const RAIL_LABEL = plainLabel('non-finite', 'topLeft', { fontSize: 11, fill: '#555' });

function LossChartInner({ store, series, scale, smoothing, report, compare, height = 300 }: LossChartProps) {
  // The series are mutable; these versions say when they changed. Reading them only on a chart
  // frame keeps the axes in step with the curves drawn in the same frame.
  const version = useStore(store, (s) => s.chartVersion);
  const compareVersion = useStore(store, (s) => s.compare?.version ?? -1);
  const compareSeries = compare?.series ?? null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the series' contents
  const key = useMemo(() => domainKey(series, compareSeries, scale), [series, compareSeries, scale, version, compareVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the series' contents
  const seen = useMemo(() => series.loss.firstNonFinite?.step ?? null, [series, version]);
  const first = report?.step ?? seen;
  const firstLabel = report ? `first ${report.kind} · step ${report.step}` : first !== null ? `first non-finite · step ${first}` : '';
  // The Recharts frame is rebuilt only when its inputs change, not on every chart frame, and then in
  // a deferred (interruptible) render: rebuilding it costs tens of ms on a slow machine, which React
  // splits into slices instead of one long task. Meanwhile the curves are drawn on the old axes.
  const frameKey = useDeferredValue(key);
  const frameFirst = useDeferredValue(first);
  const frameLabel = useDeferredValue(firstLabel);
  const frame = useMemo(() => {
    const [lo, hi, xmax] = frameKey.split('|').map(Number) as [number, number, number];
    const span = hi - lo;
    const rail = hi + span * 0.1;
    const top = hi + span * 0.16;
    return (
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart margin={{ top: 22, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={[0, xmax]} allowDataOverflow tickCount={6} tick={X_TICK} label={{ content: STEP_LABEL }} />
          <YAxis type="number" domain={[lo, top]} ticks={axisTicks(lo, hi, scale)} allowDataOverflow width={64} tick={Y_TICKS[scale]} />
          <ReferenceLine y={rail} stroke="#999" strokeDasharray="2 4" label={{ content: RAIL_LABEL }} />
          {frameFirst !== null && <ReferenceLine className="first-nonfinite-line" x={frameFirst} stroke={COLORS.flag} strokeWidth={2} strokeDasharray="5 3" label={{ content: plainLabel(frameLabel, 'top', { fill: COLORS.flag, fontSize: 12, fontWeight: 600 }) }} />}
          <SeriesLayer store={store} series={series} scale={scale} smoothing={smoothing} report={report} compare={compare} rail={rail} />
        </ComposedChart>
      </ResponsiveContainer>
    );
  }, [frameKey, frameFirst, frameLabel, height, scale, store, series, smoothing, report, compare]);
  return (
    <div data-testid="loss-chart" className="chart" data-first-nonfinite-step={first ?? ''}>
      {frame}
      {compare && (
        <p className="chart-legend" data-testid="loss-legend">
          <span className="key"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" stroke={COLORS.loss} strokeWidth="2.5" /></svg> before (this run)</span>
          <span className="key"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" stroke={COLORS.compare} strokeWidth="2.5" strokeDasharray="8 4" /></svg> after: {compare.label}</span>
        </p>
      )}
    </div>
  );
}

export const LossChart = memo(LossChartInner);
