/**
 * Per-parameter norms over steps on a log axis (gradient norms or weight norms). As in the loss
 * chart, Recharts lays the chart out and the axes and lines are our own SVG layers inside it, with
 * their own subscription. Lines differ by colour and dash; non-finite values are left out of the
 * lines and named below.
 */
import { memo, useMemo } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import type { AppStore } from '../state/appState';
import { useStore } from '../state/useStore';
import { SERIES_COLORS, SERIES_DASHES } from './palette';
import { Axes, usePlot } from './PlotAxes';
import { axesFor, domainKey } from './plotGeometry';
import { formatValue, fromAxis } from './scales';
import type { MinMaxSeries } from '../state/series';
import { seriesPath } from './seriesPath';

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

const logLabel = (v: number): string => formatValue(fromAxis(v, 'log'));

function NormPlot({ store, series, which }: Pick<Props, 'store' | 'series' | 'which'>) {
  const version = useStore(store, (s) => s.normVersion[which]);
  const lines = shown(series);
  const key = useMemo(() => {
    const drawn = lines.map(([, s]) => s);
    return domainKey(drawn, 'log', Math.max(0, ...drawn.map((s) => s.points().at(-1)?.step ?? 0)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the series' contents
  }, [series, version]);
  const axes = useMemo(() => axesFor(key, 'log'), [key]);
  const plot = usePlot(axes.domain);
  if (!plot) return null;
  return (
    <>
      <Axes plot={plot} xTicks={axes.xTicks} yTicks={axes.yTicks} yLabel={logLabel} />
      <g className="norm-lines" data-version={version}>
        {lines.map(([name, s], i) => (
          <path key={name} d={seriesPath(s, plot.x, plot.y, 'log')} fill="none" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]} strokeWidth={1.6} />
        ))}
      </g>
    </>
  );
}

const MARGIN = { top: 6, right: 12, bottom: 30, left: 52 };

function NormChartInner({ title, store, series, testId, which }: Props) {
  const version = useStore(store, (s) => s.normVersion[which]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the map's contents
  const names = useMemo(() => [...series.keys()], [series, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the series' contents
  const bad = useMemo(() => [...series.entries()].filter(([, s]) => s.firstNonFinite).map(([n, s]) => `${n}:${s.firstNonFinite!.kind}@${s.firstNonFinite!.step}`).join(', '), [series, version]);
  // Rebuilt only when the store or the series map changes; NormPlot follows the frames itself.
  const frame = useMemo(
    () => (
      <ResponsiveContainer width="100%" height={170}>
        <ComposedChart margin={MARGIN}>
          <NormPlot store={store} series={series} which={which} />
        </ComposedChart>
      </ResponsiveContainer>
    ),
    [store, series, which],
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
        {bad && <strong className="bad">non-finite: {bad}</strong>}
      </p>
    </figure>
  );
}

export const NormChart = memo(NormChartInner);
