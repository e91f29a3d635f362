/**
 * Per-parameter norms of one live run over steps on a log axis (gradient norms or weight norms),
 * as our own SVG (ChartFrame.tsx), following the run's view of the same name. Lines differ by
 * colour and dash; non-finite values are left out of the lines and named below.
 */
import { useMemo } from 'react';
import type { LiveRun } from '../state/liveRun';
import type { MinMaxSeries } from '../state/series';
import { useLive } from '../state/useLive';
import { ChartFrame } from './ChartFrame';
import { SERIES_COLORS, SERIES_DASHES } from './palette';
import { Axes, usePlot } from './PlotAxes';
import { axesFor, domainKey, type PlotArea } from './plotGeometry';
import { showNumber, TICK } from '../engine/numberFormat';
import { fromAxis } from './scales';
import { seriesPath } from './seriesPath';

/** More lines than this are unreadable on a projector; the rest are named in the caption. */
const MAX_LINES = 8;
const MARGIN = { top: 6, right: 12, bottom: 30, left: 52 };
const HEIGHT = 170;

export type NormView = 'gradNorms' | 'weightNorms';

interface Props {
  title: string;
  run: LiveRun;
  view: NormView;
  testId: string;
}

const logLabel = (v: number): string => showNumber(fromAxis(v, 'log'), TICK);
const color = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;
const dash = (i: number): string => SERIES_DASHES[i % SERIES_DASHES.length]!;

function NormPlot({ area, lines, version }: { area: PlotArea; lines: [string, MinMaxSeries][]; version: number | string }) {
  const drawn = lines.map(([, s]) => s);
  const key = domainKey(drawn, 'log', Math.max(0, ...drawn.map((s) => s.points().at(-1)?.step ?? 0)));
  const axes = useMemo(() => axesFor(key, 'log'), [key]);
  const plot = usePlot(area, axes.domain);
  if (!plot) return null;
  return (
    <>
      <Axes plot={plot} xTicks={axes.xTicks} yTicks={axes.yTicks} yLabel={logLabel} />
      <g className="norm-lines" data-version={version}>
        {lines.map(([name, s], i) => (
          <path key={name} d={seriesPath(s, plot.x, plot.y, 'log')} fill="none" stroke={color(i)} strokeDasharray={dash(i)} strokeWidth={1.6} />
        ))}
      </g>
    </>
  );
}

export function NormChart({ title, run, view, testId }: Props) {
  const version = useLive(run, view);
  const series = run.series[view];
  const names = [...series.keys()];
  const lines = [...series.entries()].slice(0, MAX_LINES);
  const bad = [...series.entries()].flatMap(([n, s]) => (s.firstNonFinite ? [`${n}:${s.firstNonFinite.kind}@${s.firstNonFinite.step}`] : [])).join(', ');
  return (
    <figure className="norm-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ChartFrame height={HEIGHT} margin={MARGIN} label={title}>
        {(area) => <NormPlot area={area} lines={lines} version={version} />}
      </ChartFrame>
      <p className="chart-legend small-legend">
        {names.slice(0, MAX_LINES).map((n, i) => (
          <span key={n} className="key">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="22" y2="4" stroke={color(i)} strokeWidth="2" strokeDasharray={dash(i)} />
            </svg>
            {n}
          </span>
        ))}
        {names.length > MAX_LINES && <span className="muted">not drawn: {names.slice(MAX_LINES).join(', ')}</span>}
        {bad && <strong className="bad">non-finite: {bad}</strong>}
      </p>
    </figure>
  );
}
