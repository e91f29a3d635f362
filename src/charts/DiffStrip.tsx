/**
 * The per-step relative difference of two runs' losses on a log axis, as a strip under the loss
 * chart: exact zeros sit on a rail of their own at the bottom ("= 0"), differences across kinds
 * (a finite loss against a non-finite one) on a rail at the top ("∞"), and vertical lines mark the
 * first step that differs at all, the first past the threshold and each run's first non-finite step.
 */
import type { BackendComparison } from '../engine/backendComparison';
import { ChartFrame } from './ChartFrame';
import { niceStepCeil, stepTicks } from './niceDomain';
import { COLORS } from './palette';
import { Axes, HorizontalRule, VerticalRule, usePlot } from './PlotAxes';
import type { PlotArea } from './plotGeometry';

const MARGIN = { top: 22, right: 24, bottom: 30, left: 72 };
/** log10 of the relative difference shown: 1e-16 (float64 rounding) to 1 (all digits differ). */
const LOG_MIN = -16;
const LOG_MAX = 0;
const ZERO_RAIL = LOG_MIN - 1.5;
const INF_RAIL = LOG_MAX + 1.5;
const Y_TICKS = [-15, -10, -5, 0];

/** Where a relative difference is drawn, in axis units. */
export function diffAxisValue(relative: number): number {
  if (relative === 0) return ZERO_RAIL;
  if (!Number.isFinite(relative)) return INF_RAIL;
  return Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(relative)));
}

function Strip({ area, diff }: { area: PlotArea; diff: BackendComparison }) {
  const last = diff.losses.at(-1)?.step ?? 0;
  const xmax = niceStepCeil(last);
  const domain = { xmin: 0, xmax, ylo: ZERO_RAIL - 0.5, yhi: INF_RAIL + 0.5 };
  const plot = usePlot(area, domain);
  if (!plot) return null;
  const path = diff.losses.map((l, i) => `${i === 0 ? 'M' : 'L'}${plot.x(l.step).toFixed(1)},${plot.y(diffAxisValue(l.relative)).toFixed(1)}`).join('');
  const [fa, fb] = diff.firstNonFiniteStep;
  return (
    <>
      <Axes plot={plot} xTicks={stepTicks(xmax)} yTicks={Y_TICKS} yLabel={(v) => `1e${v}`} />
      <HorizontalRule plot={plot} y={ZERO_RAIL} label="= 0" />
      <HorizontalRule plot={plot} y={INF_RAIL} label="∞: one side non-finite" />
      <path d={path} fill="none" stroke={COLORS.loss} strokeWidth={1.4} data-testid="diff-strip-line" data-points={diff.losses.length} />
      {/* Unlabelled here (three labels at neighbouring steps would overlap); the caption names them. */}
      {diff.firstDifference && <VerticalRule className="diff-first" plot={plot} step={diff.firstDifference.step} label="" />}
      {fa !== null && <VerticalRule className="diff-flag-a" plot={plot} step={fa} label="" />}
      {fb !== null && fb !== fa && <VerticalRule className="diff-flag-b" plot={plot} step={fb} label="" />}
    </>
  );
}

export function DiffStrip({ diff }: { diff: BackendComparison }) {
  const [a, b] = diff.backends;
  const [fa, fb] = diff.firstNonFiniteStep;
  const marks = [
    diff.firstDifference ? `first difference at step ${diff.firstDifference.step}` : null,
    fa !== null ? `${a} non-finite at ${fa}` : null,
    fb !== null ? `${b} non-finite at ${fb}` : null,
  ].filter((m): m is string => m !== null);
  return (
    <div className="chart" data-testid="diff-strip">
      <ChartFrame height={150} margin={MARGIN} label={`Relative difference of the loss, ${a} against ${b}`}>
        {(area) => <Strip area={area} diff={diff} />}
      </ChartFrame>
      <p className="caption muted">
        Relative difference of the loss per step ({a} against {b}); dashed lines: {marks.length > 0 ? marks.join(', ') : 'none yet'}.
      </p>
    </div>
  );
}
