/**
 * Per-parameter norms over steps on a log axis (gradient norms or weight norms). As in the loss
 * chart, Recharts draws only the frame and the lines are one SVG layer with its own subscription.
 * Lines differ by colour and dash; non-finite values are left out of the lines and named below.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import type { AppStore } from '../state/appState';
import { useStore } from '../state/useStore';
import { niceAxisRange, niceStepCeil } from './niceDomain';
import { SERIES_COLORS, SERIES_DASHES } from './palette';
import { axisTicks } from './scales';
import { X_TICK, Y_TICKS } from './svgText';
import type { MinMaxSeries } from './series';
import { axisExtent, seriesPath } from './seriesPath';

/** More lines than this are unreadable on a projector; the rest are named in the caption. */
const MAX_LINES = 8;

interface Props {
  title: string;
  store: AppStore;
  series: ReadonlyMap<string, MinMaxSeries>;
  testId: string;
  /** Which redraw version this chart follows: 0 gradient norms, 1 weight norms. */
  which: 0 | 1;
}

const shown = (series: ReadonlyMap<string, MinMaxSeries>): [string, MinMaxSeries][] => [...series.entries()].slice(0, MAX_LINES);

function NormLayer({ store, series, which }: Pick<Props, 'store' | 'series' | 'which'>) {
  useStore(store, (s) => s.normVersion[which]);
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  return (
    <g>
      {shown(series).map(([name, s], i) => (
        <path key={name} d={seriesPath(s, x, y, 'log')} fill="none" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]} strokeWidth={1.6} />
      ))}
    </g>
  );
}

function frameKey(series: ReadonlyMap<string, MinMaxSeries>): string {
  const lines = shown(series).map(([, s]) => s);
  const extent = axisExtent(lines, 'log');
  const [lo, hi] = extent ? niceAxisRange(extent[0], extent[1], 'log') : [0, 1];
  const last = Math.max(0, ...lines.map((s) => s.points().at(-1)?.step ?? 0));
  const bad = [...series.entries()].filter(([, s]) => s.firstNonFinite).map(([n, s]) => `${n}:${s.firstNonFinite!.kind}@${s.firstNonFinite!.step}`).join(';');
  return `${lo}|${hi}|${niceStepCeil(last)}|${series.size}|${bad}`;
}

function NormChartInner({ title, store, series, testId, which }: Props) {
  const version = useStore(store, (s) => s.normVersion[which]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the series' contents
  const key = useMemo(() => frameKey(series), [series, version]);
  const bad = key.split('|')[4]!;
  // As in the loss chart: a changed frame is rebuilt in a deferred, interruptible render.
  const [loText, hiText, lastText] = useDeferredValue(key).split('|') as [string, string, string];
  const [lo, hi, last] = [Number(loText), Number(hiText), Number(lastText)];
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the map's contents
  const names = useMemo(() => [...series.keys()], [series, version]);
  const frame = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={170}>
        <LineChart margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e3e3" strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={[0, last]} tickCount={5} allowDataOverflow tick={X_TICK} />
          <YAxis type="number" domain={[lo, hi]} ticks={axisTicks(lo, hi, 'log')} width={52} allowDataOverflow tick={Y_TICKS.log} />
          <NormLayer store={store} series={series} which={which} />
        </LineChart>
      </ResponsiveContainer>
    ),
    [lo, hi, last, store, series, which],
  );
  return (
    <figure className="norm-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {frame}
      <p className="chart-legend small-legend">
        {names.slice(0, MAX_LINES).map((n, i) => (
          <span key={n} className="key">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="22" y2="4" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth="2" strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]} />
            </svg>
            {n}
          </span>
        ))}
        {names.length > MAX_LINES && <span className="muted">not drawn: {names.slice(MAX_LINES).join(', ')}</span>}
        {bad && <strong className="bad">non-finite: {bad.split(';').join(', ')}</strong>}
      </p>
    </figure>
  );
}

export const NormChart = memo(NormChartInner);
