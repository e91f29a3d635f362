/**
 * Loss vs step. Finite values are plotted on a transformed linear axis (linear / log / symlog);
 * NaN and ±Inf sit as shaped markers on a rail above the data, so the axis never breaks; the first
 * non-finite step gets a labelled vertical line. An optional second curve overlays a Compare run.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import type { NonFiniteKind, NonFiniteReport } from '../engine/records';
import type { ChartScale } from '../state/appState';
import { MarkerShape } from './markers';
import { COLORS } from './palette';
import type { RunSeries } from './runSeries';
import { axisTicks, domainWithRail, formatValue, fromAxis, toAxis } from './scales';
import type { MinMaxSeries, NonFiniteMarker } from './series';

export interface LossChartProps {
  series: RunSeries;
  /** Changes whenever the series have new data (the series objects themselves are mutable). */
  version: number;
  scale: ChartScale;
  smoothing: number;
  report: NonFiniteReport | null;
  compare: { series: MinMaxSeries; label: string; version: number } | null;
  height?: number;
}

interface XY {
  step: number;
  y: number;
}

interface MarkerPoint extends XY {
  kind: NonFiniteKind;
}

const toXY = (s: MinMaxSeries, scale: ChartScale): XY[] => s.points().map((p) => ({ step: p.step, y: toAxis(p.value, scale) }));

function markerShape(props: unknown) {
  const p = props as { cx?: number; cy?: number; payload?: MarkerPoint };
  if (p.cx === undefined || p.cy === undefined || !p.payload) return <g />;
  return <MarkerShape kind={p.payload.kind} cx={p.cx} cy={p.cy} />;
}

function LossChartInner({ series, version, scale, smoothing, report, compare, height = 300 }: LossChartProps) {
  const compareVersion = compare?.version ?? -1;
  const model = useMemo(() => {
    const raw = toXY(series.loss, scale);
    const smooth = smoothing > 0 ? toXY(series.smoothed, scale) : [];
    const cmp = compare ? toXY(compare.series, scale) : [];
    const domain = domainWithRail([...raw.map((p) => p.y), ...cmp.map((p) => p.y)]);
    const markers: NonFiniteMarker[] = [...series.loss.markers(), ...(compare?.series.markers() ?? [])];
    if (report && !markers.some((m) => m.step === report.step)) markers.push({ step: report.step, kind: report.kind });
    const onRail = (kind: NonFiniteKind): MarkerPoint[] => markers.filter((m) => m.kind === kind).map((m) => ({ step: m.step, y: domain.rail, kind }));
    const lastStep = Math.max(series.lastStep, compare?.series.length ?? 0, 10);
    const first = report?.step ?? series.loss.firstNonFinite?.step ?? null;
    return { raw, smooth, cmp, domain, nan: onRail('NaN'), pos: onRail('+Inf'), neg: onRail('-Inf'), lastStep, first, ticks: axisTicks(domain.lo, domain.hi, scale) };
    // `version` and `compareVersion` stand for the mutable series' contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, version, scale, smoothing, report, compare, compareVersion]);

  const firstLabel = report ? `first ${report.kind} · step ${report.step}` : model.first !== null ? `first non-finite · step ${model.first}` : '';
  return (
    <div data-testid="loss-chart" className="chart" data-first-nonfinite-step={model.first ?? ''} data-points={model.raw.length} data-compare-points={model.cmp.length}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart margin={{ top: 22, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={[0, model.lastStep]} allowDataOverflow tickCount={6} label={{ value: 'step', position: 'insideBottomRight', offset: -2 }} />
          <YAxis
            type="number"
            dataKey="y"
            domain={[model.domain.lo, model.domain.top]}
            ticks={model.ticks}
            allowDataOverflow
            width={64}
            tickFormatter={(y: number) => formatValue(fromAxis(y, scale))}
          />
          <ReferenceLine y={model.domain.rail} stroke="#999" strokeDasharray="2 4" label={{ value: 'non-finite', position: 'insideTopLeft', fontSize: 11, fill: '#555' }} />
          {smoothing > 0 && <Line data={model.raw} dataKey="y" name="loss (raw)" stroke={COLORS.lossRaw} strokeWidth={1} dot={false} isAnimationActive={false} legendType="none" />}
          <Line data={smoothing > 0 ? model.smooth : model.raw} dataKey="y" name={compare ? 'before (this run)' : smoothing > 0 ? 'loss (smoothed)' : 'loss'} stroke={COLORS.loss} strokeWidth={2} dot={false} isAnimationActive={false} />
          {compare && <Line data={model.cmp} dataKey="y" name={`after: ${compare.label}`} stroke={COLORS.compare} strokeWidth={2.5} strokeDasharray="7 3" dot={false} isAnimationActive={false} />}
          <Scatter data={model.nan} dataKey="y" name="NaN" fill={COLORS.nan} shape={markerShape} isAnimationActive={false} legendType="none" />
          <Scatter data={model.pos} dataKey="y" name="+Inf" fill={COLORS.posInf} shape={markerShape} isAnimationActive={false} legendType="none" />
          <Scatter data={model.neg} dataKey="y" name="−Inf" fill={COLORS.negInf} shape={markerShape} isAnimationActive={false} legendType="none" />
          {model.first !== null && (
            <ReferenceLine x={model.first} stroke={COLORS.flag} strokeWidth={2} strokeDasharray="5 3" label={{ value: firstLabel, position: 'top', fill: COLORS.flag, fontSize: 12, fontWeight: 600 }} />
          )}
          {/* Marker shapes are keyed in the caption below the chart; the legend names the curves when there are two. */}
          {(compare || smoothing > 0) && <Legend verticalAlign="bottom" height={24} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export const LossChart = memo(LossChartInner);
