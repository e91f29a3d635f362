/**
 * Plain SVG text for chart ticks and labels. Recharts' own ticks and labels measure their text with
 * a hidden DOM element (a forced layout) whenever the chart frame changes; ours are short single
 * lines, so plain <text> does.
 */
import type { ChartScale } from '../state/appState';
import { formatValue, fromAxis } from './scales';

interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: number };
}

const STYLE = { fontSize: 12, fill: '#444' };

function makeTick(axis: 'x' | 'y', format: (v: number) => string) {
  return function Tick(props: unknown) {
    const p = props as TickProps;
    if (p.x === undefined || p.y === undefined || !p.payload) return <g />;
    const text = format(p.payload.value);
    return axis === 'x' ? (
      <text x={p.x} y={p.y + 12} textAnchor="middle" {...STYLE}>
        {text}
      </text>
    ) : (
      <text x={p.x - 4} y={p.y + 4} textAnchor="end" {...STYLE}>
        {text}
      </text>
    );
  };
}

const stepLabel = (v: number): string => (v >= 10_000 ? `${v / 1000}k` : String(v));

export const X_TICK = makeTick('x', stepLabel);

export const Y_TICKS: Record<ChartScale, ReturnType<typeof makeTick>> = {
  linear: makeTick('y', (v) => formatValue(fromAxis(v, 'linear'))),
  log: makeTick('y', (v) => formatValue(fromAxis(v, 'log'))),
  symlog: makeTick('y', (v) => formatValue(fromAxis(v, 'symlog'))),
};

interface LabelProps {
  viewBox?: { x?: number; y?: number; width?: number; height?: number };
}

/** A chart label as plain SVG text, placed from the view box Recharts gives the label. */
export function plainLabel(text: string, place: 'bottomRight' | 'topLeft' | 'top', style: { fontSize: number; fill: string; fontWeight?: number }) {
  return function PlainLabel(props: unknown) {
    const vb = (props as LabelProps).viewBox ?? {};
    const [x, y, w, h] = [vb.x ?? 0, vb.y ?? 0, vb.width ?? 0, vb.height ?? 0];
    if (place === 'bottomRight') return <text x={x + w} y={y + h + 2} textAnchor="end" {...style}>{text}</text>;
    if (place === 'topLeft') return <text x={x + 4} y={y - 4} textAnchor="start" {...style}>{text}</text>;
    return <text x={x} y={y - 6} textAnchor="middle" {...style}>{text}</text>;
  };
}
