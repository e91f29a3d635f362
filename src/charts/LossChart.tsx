/**
 * Loss vs step. Recharts lays the chart out; the axes, grid, reference lines, curves and non-finite
 * markers are our own SVG layers inside it (PlotAxes.tsx says why), redrawn on the store's chart
 * frames without re-rendering Recharts. The axes use rounded domains that change only when the
 * data crosses a round value. Finite values are plotted on a transformed axis (linear / log /
 * symlog); NaN and ±Inf sit as shaped markers on a rail above the data, so the axis never breaks;
 * the first non-finite step gets a labelled vertical line.
 */
import { memo, useMemo } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import type { NonFiniteReport } from '../engine/records';
import type { AppStore, ChartScale } from '../state/appState';
import { useStore } from '../state/useStore';
import { MarkerShape } from './markers';
import { COLORS } from './palette';
import { Axes, HorizontalRule, VerticalRule, usePlot } from './PlotAxes';
import { axesFor, domainKey } from './plotGeometry';
import type { RunSeries } from '../state/runSeries';
import { formatValue, fromAxis } from './scales';
import type { MinMaxSeries, NonFiniteMarker } from '../state/series';
import { seriesPath } from './seriesPath';

export interface LossChartProps {
  store: AppStore;
  series: RunSeries;
  scale: ChartScale;
  smoothing: number;
  report: NonFiniteReport | null;
  /** A Compare run to overlay (its series is mutable; the store's compare.version says when it changed). */
  compare: { series: MinMaxSeries; label: string } | null;
  /** The first non-finite step (the sentinel's, else the first one seen), where the vertical line goes. */
  first: number | null;
  height?: number;
}

interface PlotProps extends Omit<LossChartProps, 'height'> {
  firstLabel: string;
}

const Y_LABELS: Record<ChartScale, (axisValue: number) => string> = {
  linear: (v) => formatValue(fromAxis(v, 'linear')),
  log: (v) => formatValue(fromAxis(v, 'log')),
  symlog: (v) => formatValue(fromAxis(v, 'symlog')),
};

/** Everything inside the chart; re-renders on every chart frame, the Recharts container does not. */
function LossPlot({ store, series, scale, smoothing, report, compare, first, firstLabel }: PlotProps) {
  // The series are mutable; these versions say when they changed.
  const version = useStore(store, (s) => s.chartVersion);
  const compareVersion = useStore(store, (s) => s.compare?.version ?? -1);
  const compareSeries = compare?.series ?? null;
  const key = useMemo(
    () => domainKey(compareSeries ? [series.loss, compareSeries] : [series.loss], scale, Math.max(series.lastStep, compareSeries?.length ?? 0)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the versions stand for the series' contents
    [series, compareSeries, scale, version, compareVersion],
  );
  // Room above the data for the rail of non-finite markers, so they never sit on a curve.
  const axes = useMemo(() => axesFor(key, scale, RAIL_ROOM), [key, scale]);
  const plot = usePlot(axes.domain);
  if (!plot) return null;
  const markers: NonFiniteMarker[] = [...series.loss.markers(), ...(compare?.series.markers() ?? [])];
  if (report && !markers.some((m) => m.step === report.step)) markers.push({ step: report.step, kind: report.kind });
  const rail = axes.hi + (axes.hi - axes.lo) * RAIL_AT;
  const railY = plot.y(rail);
  const main = smoothing > 0 ? series.smoothed : series.loss;
  return (
    <>
      <Axes plot={plot} xTicks={axes.xTicks} yTicks={axes.yTicks} yLabel={Y_LABELS[scale]} xTitle="step" />
      <HorizontalRule plot={plot} y={rail} label="non-finite" />
      {first !== null && <VerticalRule className="first-nonfinite-line" plot={plot} step={first} label={firstLabel} />}
      <g className="loss-series" data-testid="loss-series" data-version={version} data-points={main.points().length} data-compare-points={compare ? compare.series.points().length : 0} data-compare-version={compareVersion}>
        {smoothing > 0 && <path d={seriesPath(series.loss, plot.x, plot.y, scale)} fill="none" stroke={COLORS.lossRaw} strokeWidth={1} />}
        <path className="series-line" data-series="run" d={seriesPath(main, plot.x, plot.y, scale)} fill="none" stroke={COLORS.loss} strokeWidth={2.2} strokeLinejoin="round" />
        {compare && <path className="series-line" data-series="compare" d={seriesPath(compare.series, plot.x, plot.y, scale)} fill="none" stroke={COLORS.compare} strokeWidth={2.6} strokeDasharray="8 4" strokeLinejoin="round" />}
        {markers.map((m) => (
          <MarkerShape key={`${m.kind}${m.step}`} kind={m.kind} cx={plot.x(m.step)} cy={railY} step={m.step} />
        ))}
      </g>
    </>
  );
}

const MARGIN = { top: 22, right: 24, bottom: 38, left: 72 };
/** The rail sits this far above the data (a fraction of its range), inside this much headroom. */
const RAIL_AT = 0.1;
const RAIL_ROOM = 0.16;

function LossChartInner({ store, series, scale, smoothing, report, compare, first, height = 300 }: LossChartProps) {
  const firstLabel = report ? `first ${report.kind} · step ${report.step}` : first !== null ? `first non-finite · step ${first}` : '';
  // The Recharts container is rebuilt only when these inputs change (a user action or a flag), not
  // on chart frames: LossPlot follows the frames on its own subscription.
  const frame = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart margin={MARGIN}>
          <LossPlot store={store} series={series} scale={scale} smoothing={smoothing} report={report} compare={compare} first={first} firstLabel={firstLabel} />
        </ComposedChart>
      </ResponsiveContainer>
    ),
    [height, store, series, scale, smoothing, report, compare, first, firstLabel],
  );
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
