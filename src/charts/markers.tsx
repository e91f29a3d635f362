/** Marker shapes for non-finite values: circle = NaN, triangle up = +Inf, triangle down = −Inf. */
import type { NonFiniteKind } from '../engine/records';
import { COLORS } from './palette';

const MARKER_STYLE: Record<NonFiniteKind, { color: string; label: string }> = {
  NaN: { color: COLORS.nan, label: 'NaN' },
  '+Inf': { color: COLORS.posInf, label: '+Inf' },
  '-Inf': { color: COLORS.negInf, label: '−Inf' },
};

export function MarkerShape({ kind, cx, cy, size = 6, step }: { kind: NonFiniteKind; cx: number; cy: number; size?: number; step?: number }) {
  const { color } = MARKER_STYLE[kind];
  if (kind === 'NaN') return <circle cx={cx} cy={cy} r={size} fill={color} stroke="#000" strokeWidth={1} data-kind={kind} data-marker-step={step} />;
  const dy = kind === '+Inf' ? -size : size;
  const points = `${cx},${cy + dy} ${cx - size},${cy - dy} ${cx + size},${cy - dy}`;
  return <polygon points={points} fill={color} stroke="#000" strokeWidth={1} data-kind={kind} data-marker-step={step} />;
}

/** A small inline SVG of a marker, for legends outside the chart. */
export function MarkerIcon({ kind }: { kind: NonFiniteKind }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <MarkerShape kind={kind} cx={7} cy={7} size={5} />
    </svg>
  );
}
