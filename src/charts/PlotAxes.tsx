/**
 * Axes, grid and reference lines of the live charts as plain SVG. A chart library's axes were
 * given up here because a change of their domain re-rendered the chart's whole tree (Recharts:
 * 50–120 ms of main thread per change on a 2-core machine while training), and a live chart's
 * domain changes many times in a run. These layers are a few dozen elements that re-render only
 * when their ticks or the plot change.
 */
import { memo, useMemo } from 'react';
import { COLORS } from './palette';
import { plotFor, type Plot, type PlotArea, type PlotDomain } from './plotGeometry';

const TEXT = { fontSize: 12, fill: '#444' };
const AXIS = '#666';

/** The chart's mapping from data to pixels; follows the plot area (it changes on resize). */
export function usePlot(area: PlotArea, domain: PlotDomain): Plot | null {
  const { x, y, width, height } = area;
  return useMemo(() => plotFor({ x, y, width, height }, domain), [x, y, width, height, domain]);
}

const stepLabel = (v: number): string => (v >= 10_000 ? `${v / 1000}k` : String(v));

interface AxesProps {
  plot: Plot;
  /** Step ticks (data values). */
  xTicks: readonly number[];
  /** Y ticks in axis space, and how to label one. */
  yTicks: readonly number[];
  yLabel: (axisValue: number) => string;
  /** A title at the right end of the x axis. */
  xTitle?: string;
}

function AxesImpl({ plot, xTicks, yTicks, yLabel, xTitle }: AxesProps) {
  const { left, right, top, bottom } = plot;
  return (
    <g className="plot-axes" aria-hidden="true">
      <g stroke={COLORS.grid} strokeDasharray="3 3">
        {yTicks.map((t) => (
          <line key={`y${t}`} x1={left} x2={right} y1={plot.y(t)} y2={plot.y(t)} />
        ))}
        {xTicks.map((t) => (
          <line key={`x${t}`} x1={plot.x(t)} x2={plot.x(t)} y1={top} y2={bottom} />
        ))}
      </g>
      <path d={`M${left},${top}V${bottom}H${right}`} fill="none" stroke={AXIS} />
      {yTicks.map((t) => (
        <g key={`yl${t}`}>
          <line x1={left - 5} x2={left} y1={plot.y(t)} y2={plot.y(t)} stroke={AXIS} />
          <text x={left - 8} y={plot.y(t) + 4} textAnchor="end" {...TEXT}>
            {yLabel(t)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <g key={`xl${t}`}>
          <line x1={plot.x(t)} x2={plot.x(t)} y1={bottom} y2={bottom + 5} stroke={AXIS} />
          <text x={plot.x(t)} y={bottom + 18} textAnchor="middle" {...TEXT}>
            {stepLabel(t)}
          </text>
        </g>
      ))}
      {xTitle && (
        <text x={right} y={bottom + 33} textAnchor="end" {...TEXT}>
          {xTitle}
        </text>
      )}
    </g>
  );
}

/** Re-renders only when the plot or the ticks change, not on every chart frame. */
export const Axes = memo(AxesImpl);

/** A dashed horizontal line across the plot at an axis value, labelled at its left end. */
export function HorizontalRule({ plot, y, label }: { plot: Plot; y: number; label: string }) {
  const py = plot.y(y);
  return (
    <g className="rail-line">
      <line x1={plot.left} x2={plot.right} y1={py} y2={py} stroke="#999" strokeDasharray="2 4" />
      <text x={plot.left + 4} y={py - 4} fontSize={11} fill="#555">
        {label}
      </text>
    </g>
  );
}

/** A labelled vertical line at a step (the first non-finite step). */
export function VerticalRule({ plot, step, label, className }: { plot: Plot; step: number; label: string; className: string }) {
  const px = plot.x(step);
  // Near either end of the plot the label grows inward instead of off the chart.
  const anchor = px > plot.right - 90 ? 'end' : px < plot.left + 90 ? 'start' : 'middle';
  return (
    <g className={className}>
      <line x1={px} x2={px} y1={plot.top} y2={plot.bottom} stroke={COLORS.flag} strokeWidth={2} strokeDasharray="5 3" />
      <text x={px} y={plot.top - 6} textAnchor={anchor} fontSize={12} fontWeight={600} fill={COLORS.flag}>
        {label}
      </text>
    </g>
  );
}
