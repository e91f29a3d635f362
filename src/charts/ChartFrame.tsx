/**
 * The box a live chart draws in: an SVG as wide as its container (ResizeObserver) and `height`
 * tall, with margins around the plot area. Live charts are our own SVG from axes to curves: the
 * curves change every chart frame and the axes only when their rounded domain does, and drawing
 * them ourselves keeps a frame to a few dozen elements (docs/ARCHITECTURE.md, "Charts").
 */
import type { ReactNode, Ref } from 'react';
import type { PlotArea } from './plotGeometry';
import { useWidth } from './useWidth';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

interface Props {
  height: number;
  margin: Margin;
  /** The SVG element, for exports (the PNG of the loss chart). */
  svgRef?: Ref<SVGSVGElement>;
  label: string;
  children: (area: PlotArea) => ReactNode;
}

export function ChartFrame({ height, margin, svgRef, label, children }: Props) {
  const [ref, width] = useWidth();
  const area: PlotArea = { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  return (
    <div ref={ref} className="chart-box" style={{ height }}>
      {area.width > 0 && (
        <svg ref={svgRef} className="chart-svg" width={width} height={height} role="img" aria-label={label}>
          {children(area)}
        </svg>
      )}
    </div>
  );
}
