/**
 * Per-parameter norms over steps on a log axis (gradient norms or weight norms). Lines differ by
 * colour and dash; non-finite values are left out of the lines and counted in the caption.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { SERIES_COLORS, SERIES_DASHES } from './palette';
import { axisTicks, domainWithRail, formatValue, fromAxis, toAxis } from './scales';
import type { MinMaxSeries } from './series';

/** More lines than this are unreadable on a projector; the rest are named in the caption. */
const MAX_LINES = 8;

interface Props {
  title: string;
  series: ReadonlyMap<string, MinMaxSeries>;
  version: number;
  testId: string;
}

function NormChartInner({ title, series, version, testId }: Props) {
  const model = useMemo(() => {
    const entries = [...series.entries()];
    const shown = entries.slice(0, MAX_LINES).map(([name, s]) => ({
      name,
      data: s.points().map((p) => ({ step: p.step, y: toAxis(p.value, 'log') })),
      nonFinite: s.firstNonFinite,
    }));
    const all = shown.flatMap((l) => l.data.map((p) => p.y));
    const d = domainWithRail(all);
    const last = Math.max(10, ...entries.map(([, s]) => s.points().at(-1)?.step ?? 0));
    return { shown, hidden: entries.slice(MAX_LINES).map(([n]) => n), lo: d.lo, hi: d.hi, last, bad: shown.filter((l) => l.nonFinite) };
    // `version` stands for the mutable series' contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, version]);
  return (
    <figure className="norm-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={190}>
        <LineChart margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e3e3" strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={[0, model.last]} tickCount={5} allowDataOverflow />
          <YAxis type="number" domain={[model.lo, model.hi]} ticks={axisTicks(model.lo, model.hi, 'log')} width={52} allowDataOverflow tickFormatter={(y: number) => formatValue(fromAxis(y, 'log'))} />
          {model.shown.map((l, i) => (
            <Line key={l.name} data={l.data} dataKey="y" name={l.name} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]} strokeWidth={1.6} dot={false} isAnimationActive={false} />
          ))}
          <Legend wrapperStyle={{ fontSize: 11 }} />
        </LineChart>
      </ResponsiveContainer>
      {(model.hidden.length > 0 || model.bad.length > 0) && (
        <p className="caption">
          {model.bad.map((l) => (
            <strong key={l.name}>
              {l.name}: {l.nonFinite!.kind} from step {l.nonFinite!.step}.{' '}
            </strong>
          ))}
          {model.hidden.length > 0 && <span className="muted">Not drawn: {model.hidden.join(', ')}.</span>}
        </p>
      )}
    </figure>
  );
}

export const NormChart = memo(NormChartInner);
