/**
 * Loss vs step for one or more live runs (the main run, then overlays such as a compare run), as
 * our own SVG (ChartFrame.tsx). The curves follow the runs' loss view; the axes use rounded
 * domains that change only when the data crosses a round value. Finite values are plotted on a
 * transformed axis (linear / log / symlog); NaN and ±Inf sit as shaped markers on a rail above the
 * data, so the axis never breaks; the first non-finite step gets a labelled vertical line. A run
 * with a held-out loss gets its validation curve beside its training one: dash-dot, on a white halo.
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
import { HoverLayer } from './HoverLayer';
import { axesFor, domainKey, zoomDomainKey, type PlotArea, type StepRange } from './plotGeometry';
import { showKind, showNumber, TICK } from '../engine/numberFormat';
import { fromAxis } from './scales';
import { seriesPath, zeroPoints } from './seriesPath';

/** A run drawn on the chart, with the name its legend gives it. */
export interface ChartRun {
  feed: LiveRun;
  label: string;
  /** Its place in the run list, which picks its colour and dash (so hiding a run recolours no other); default: its index. */
  slot?: number;
  /** What kind of run it is (the curve's data-series, for tests and styles). */
  kind?: 'run' | 'compare' | 'import';
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
  /** The steps shown, when zoomed in. */
  zoom?: StepRange | null;
  /** A drag on the plot asks for a zoom, a double-click for none. */
  onZoom?: (range: StepRange | null) => void;
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

/** How the run in list slot i is drawn: the main run solid, the others dashed in their own colours. */
export function lineStyle(i: number): { stroke: string; strokeWidth: number; strokeDasharray?: string } {
  if (i === 0) return { stroke: COLORS.loss, strokeWidth: 2.2 };
  return { stroke: i === 1 ? COLORS.compare : SERIES_COLORS[i % SERIES_COLORS.length]!, strokeWidth: 2.6, strokeDasharray: '8 4' };
}

/**
 * A run's validation curve: dash-dot, near-black for the main run and in its own colour for the others.
 * A noisy mini-batch loss is a band of its colour, so the smoother validation line is drawn over a white halo.
 */
export function heldOutStyle(i: number): { stroke: string; strokeWidth: number; strokeDasharray: string } {
  return { stroke: i === 0 ? COLORS.text : lineStyle(i).stroke, strokeWidth: 2, strokeDasharray: '7 3 1.5 3' };
}

const MARGIN = { top: 22, right: 24, bottom: 38, left: 72 };
/** The rail sits this far above the data (a fraction of its range), inside this much headroom. */
const RAIL_AT = 0.1;
const RAIL_ROOM = 0.16;
/** On a log axis, exact zeros sit on a rail this far below the data, inside this much room. */
const ZERO_AT = 0.1;
const ZERO_ROOM = 0.16;

/** The curves of a zoomed chart are drawn from the traces at this resolution. */
const ZOOM_POINTS = 600;

/** Everything inside the chart; re-renders when a run's loss view says so. */
function LossPlot({ area, runs, scale, smoothing, report, first, firstLabel, zoom = null, onZoom }: PlotProps) {
  const feeds = useMemo(() => runs.map((r) => r.feed), [runs]);
  const version = useLive(feeds, 'loss');
  const main = runs[0]?.feed;
  // Zoomed, the curves come from the full traces of the steps in range, not from the whole-run series.
  const lines = feeds.map((f) => (zoom ? f.trace.seriesIn(zoom.from, zoom.to, ZOOM_POINTS) : f.series.loss));
  const heldOut = feeds.map((f) => (zoom ? f.heldOut.seriesIn(zoom.from, zoom.to, ZOOM_POINTS) : f.series.heldOut));
  const all = [...lines, ...heldOut];
  const key = zoom ? zoomDomainKey(all, scale, zoom) : domainKey(all, scale, Math.max(0, ...feeds.map((f) => f.series.lastStep)));
  // Room above the data for the rail of non-finite markers, so they never sit on a curve.
  const axes = useMemo(() => axesFor(key, scale, RAIL_ROOM), [key, scale]);
  const zeros = all.flatMap((l) => zeroPoints(l, scale));
  const withZeros = zeros.length > 0;
  const domain = useMemo(() => (withZeros ? { ...axes.domain, ylo: axes.lo - (axes.hi - axes.lo) * ZERO_ROOM } : axes.domain), [axes, withZeros]);
  const plot = usePlot(area, domain);
  if (!plot || !main) return null;
  const inView = (step: number): boolean => !zoom || (step >= zoom.from && step <= zoom.to);
  const markers: NonFiniteMarker[] = all.flatMap((l) => l.markers());
  if (report && inView(report.step) && !markers.some((m) => m.step === report.step)) markers.push({ step: report.step, kind: report.kind });
  const rail = axes.hi + (axes.hi - axes.lo) * RAIL_AT;
  const railY = plot.y(rail);
  const raw = lines[0]!;
  const smoothed = smoothing <= 0 ? null : zoom ? main.trace.seriesIn(zoom.from, zoom.to, ZOOM_POINTS, smoothing) : main.series.smoothed;
  const mainLine = smoothed ?? raw;
  const slot = (i: number): number => runs[i]?.slot ?? i;
  return (
    <>
      <Axes plot={plot} xTicks={axes.xTicks} yTicks={axes.yTicks} yLabel={Y_LABELS[scale]} xTitle="step" />
      <HorizontalRule plot={plot} y={rail} label="non-finite" />
      {withZeros && <HorizontalRule plot={plot} y={axes.lo - (axes.hi - axes.lo) * ZERO_AT} label="exactly 0" />}
      {first !== null && inView(first) && <VerticalRule className="first-nonfinite-line" plot={plot} step={first} label={firstLabel} />}
      <g
        className="loss-series"
        data-testid="loss-series"
        data-version={version}
        data-points={mainLine.points().length}
        data-compare-points={lines.slice(1).reduce((n, l) => n + l.points().length, 0)}
        data-validation-points={heldOut.reduce((n, l) => n + l.points().length, 0)}
        data-zoom={zoom ? `${zoom.from}-${zoom.to}` : ''}
      >
        {smoothed && <path d={seriesPath(raw, plot.x, plot.y, scale)} fill="none" stroke={COLORS.lossRaw} strokeWidth={1} />}
        <path
          className="series-line"
          data-series={runs[0]?.kind ?? 'run'}
          d={seriesPath(mainLine, plot.x, plot.y, scale)}
          fill="none"
          strokeLinejoin="round"
          {...lineStyle(slot(0))}
        />
        {lines.slice(1).map((l, i) => (
          <path
            key={i}
            className="series-line"
            data-series={runs[i + 1]?.kind ?? 'compare'}
            d={seriesPath(l, plot.x, plot.y, scale)}
            fill="none"
            strokeLinejoin="round"
            {...lineStyle(slot(i + 1))}
          />
        ))}
        {heldOut.map((l, i) => {
          if (l.points().length === 0) return null;
          const d = seriesPath(l, plot.x, plot.y, scale);
          return (
            <g key={`v${i}`}>
              <path d={d} fill="none" stroke="#fff" strokeWidth={5} strokeOpacity={0.85} strokeLinejoin="round" />
              <path className="series-line" data-series="validation" d={d} fill="none" strokeLinejoin="round" {...heldOutStyle(slot(i))} />
            </g>
          );
        })}
        {zeros.map((p) => (
          <circle
            key={`z${p.step}`}
            className="zero-marker"
            cx={plot.x(p.step)}
            cy={plot.y(axes.lo - (axes.hi - axes.lo) * ZERO_AT)}
            r={3.5}
            fill="#fff"
            stroke={COLORS.loss}
            data-step={p.step}
          />
        ))}
        {markers.map((m) => (
          <MarkerShape key={`${m.kind}${m.step}`} kind={m.kind} cx={plot.x(m.step)} cy={railY} step={m.step} />
        ))}
      </g>
      {onZoom && (
        <HoverLayer
          plot={plot}
          runs={runs.map((r, i) => ({ feed: r.feed, label: r.label, color: lineStyle(slot(i)).stroke }))}
          smoothing={smoothing}
          onZoom={onZoom}
        />
      )}
    </>
  );
}

export function LossChart({ height = 300, svgRef, ...plot }: LossChartProps) {
  const { report, first } = plot;
  const firstLabel = report ? `first ${showKind(report.kind)} · step ${report.step}` : first !== null ? `first non-finite · step ${first}` : '';
  return (
    <div data-testid="loss-chart" className="chart" data-first-nonfinite-step={first ?? ''}>
      <ChartFrame height={height} margin={MARGIN} svgRef={svgRef} label="Loss by step">
        {(area) => <LossPlot area={area} firstLabel={firstLabel} {...plot} />}
      </ChartFrame>
    </div>
  );
}
