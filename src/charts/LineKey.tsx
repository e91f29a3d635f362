/** A short inline SVG of a chart line's style, for legends outside the chart. */
export interface LineStyle {
  stroke: string;
  strokeWidth: number;
  strokeDasharray?: string;
  strokeLinecap?: 'round' | 'butt';
}

export function LineKey({ style }: { style: LineStyle }) {
  return (
    <svg width="28" height="10" aria-hidden="true">
      <line x1="2" y1="5" x2="26" y2="5" {...style} />
    </svg>
  );
}
