/**
 * Loss vs step for one or more live runs (the main run, then overlays such as a compare run), as
 * our own SVG (ChartFrame.tsx). The curves follow the runs' loss view; the axes use rounded
 * domains that change only when the data crosses a round value. Finite values are plotted on a
 * transformed axis (linear / log / symlog); NaN and ±Inf sit as shaped markers on a rail above the
 * data, so the axis never breaks; the first non-finite step gets a labelled vertical line.
 */
import { useMemo, type Ref } from 'react';
import type { NonFiniteReport } from '../engine/records';
import type { ChartScale } from '../state/appState';
import type { LiveRun } from '../state/liveRun';
import type { NonFiniteMarker } from '../state/series';
import { useLive } from '../state/useLive';
import { ChartFrame } from './ChartFrame';
import { MarkerShape } from './markers';
import { COLORS, SERIES_COLORS } from './palette';
import { Axes, HorizontalRule, VerticalRule, usePlot } from './PlotAxes';
import { axesFor, domainKey, type PlotArea } from './plotGeometry';
import { showNumber, TICK } from '../engine/numberFormat';
import { fromAxis } from './scales';
import { seriesPath } from './seriesPath';

/** A run drawn on the chart, with the name its legend gives it. */
export interface ChartRun {
  feed: LiveRun;
  label: string;
}

export interface LossChartProps {
  /** The main run first (solid); the others are drawn dashed over it. Keep the array's identity while unchanged. */
  runs: readonly ChartRun[];
  scale: ChartScale;
  smoothing: number;
  report: NonFiniteReport | null;
  /** The first non-finite step (the sentinel's, else the first one seen), where the vertical line goes. */
  first: number | null;
  height?: number;
  svgRef?: Ref<SVGSVGElement>;
}

interface PlotProps extends Omit<LossChartProps, 'height' | 'svgRef'> {
  area: PlotArea;
  firstLabel: string;
}

const Y_LABELS: Record<ChartScale, (axisValue: number) => string> = {
  linear: (v) => showNumber(fromAxis(v, 'linear'), TICK),
  log: (v) => showNumber(fromAxis(v, 'log'), TICK),
  symlog: (v) => showNumber(fromAxis(v, 'symlog'), TICK),
};

/** How run i is drawn: the main run solid, overlays dashed in their own colours. */
function lineStyle(i: number): { stroke: string; strokeWidth: number; strokeDasharray?: string } {
  if (i === 0) return { stroke: COLORS.loss, strokeWidth: 2.2 };
  return { stroke: i === 1 ? COLORS.compare : SERIES_COLORS[i % SERIES_COLORS.length]!, strokeWidth: 2.6, strokeDasharray: '8 4' };
}

const MARGIN = { top: 22, right: 24, bottom: 38, left: 72 };
/** The rail sits this far above the data (a fraction of its range), inside this much headroom. */
const RAIL_AT = 0.1;
const RAIL_ROOM = 0.16;

/** Everything inside the chart; re-renders when a run's loss view says so. */
function LossPlot({ area, runs, scale, smoothing, report, first, firstLabel }: PlotProps) {
  const feeds = useMemo(() => runs.map((r) => r.feed), [runs]);
  const version = useLive(feeds, 'loss');
  const main = runs[0]?.feed.series;
  const overlays = runs.slice(1).map((r) => r.feed.series);
  const key = domainKey(
    feeds.map((f) => f.series.loss),
    scale,
    Math.max(0, ...feeds.map((f) => f.series.lastStep)),
  );
  // Room above the data for the rail of non-finite markers, so they never sit on a curve.
  const axes = useMemo(() => axesFor(key, scale, RAIL_ROOM), [key, scale]);
  const plot = usePlot(area, axes.domain);
  if (!plot || !main) return null;
  const markers: NonFiniteMarker[] = feeds.flatMap((f) => f.series.loss.markers());
  if (report && !markers.some((m) => m.step === report.step)) markers.push({ step: report.step, kind: report.kind });
  const rail = axes.hi + (axes.hi - axes.lo) * RAIL_AT;
  const railY = plot.y(rail);
  const mainLine = smoothing > 0 ? main.smoothed : main.loss;
  return (
    <>
      <Axes plot={plot} xTicks={axes.xTicks} yTicks={axes.yTicks} yLabel={Y_LABELS[scale]} xTitle="step" />
      <HorizontalRule plot={plot} y={rail} label="non-finite" />
      {first !== null && <VerticalRule className="first-nonfinite-line" plot={plot} step={first} label={firstLabel} />}
      <g
        className="loss-series"
        data-testid="loss-series"
        data-version={version}
        data-points={mainLine.points().length}
        data-compare-points={overlays.reduce((n, s) => n + s.loss.points().length, 0)}
      >
        {smoothing > 0 && <path d={seriesPath(main.loss, plot.x, plot.y, scale)} fill="none" stroke={COLORS.lossRaw} strokeWidth={1} />}
        <path className="series-line" data-series="run" d={seriesPath(mainLine, plot.x, plot.y, scale)} fill="none" strokeLinejoin="round" {...lineStyle(0)} />
        {overlays.map((s, i) => (
          <path
            key={i}
            className="series-line"
            data-series="compare"
            d={seriesPath(s.loss, plot.x, plot.y, scale)}
            fill="none"
            strokeLinejoin="round"
            {...lineStyle(i + 1)}
          />
        ))}
        {markers.map((m) => (
          <MarkerShape key={`${m.kind}${m.step}`} kind={m.kind} cx={plot.x(m.step)} cy={railY} step={m.step} />
        ))}
      </g>
    </>
  );
}

export function LossChart({ runs, scale, smoothing, report, first, height = 300, svgRef }: LossChartProps) {
  const firstLabel = report ? `first ${report.kind} · step ${report.step}` : first !== null ? `first non-finite · step ${first}` : '';
  return (
    <div data-testid="loss-chart" className="chart" data-first-nonfinite-step={first ?? ''}>
      <ChartFrame height={height} margin={MARGIN} svgRef={svgRef} label="Loss by step">
        {(area) => <LossPlot area={area} runs={runs} scale={scale} smoothing={smoothing} report={report} first={first} firstLabel={firstLabel} />}
      </ChartFrame>
      {runs.length > 1 && (
        <p className="chart-legend" data-testid="loss-legend">
          {runs.map((r, i) => {
            const style = lineStyle(i);
            return (
              <span key={i} className="key">
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="0" y1="5" x2="28" y2="5" stroke={style.stroke} strokeWidth="2.5" strokeDasharray={style.strokeDasharray} />
                </svg>
                {r.label}
              </span>
            );
          })}
        </p>
      )}
    </div>
  );
}
