/**
 * Plain SVG tick labels. Recharts' default tick measures every label with a hidden DOM element
 * (a forced layout) whenever the ticks change; these labels are short, so plain <text> does.
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
