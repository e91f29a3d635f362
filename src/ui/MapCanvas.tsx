/**
 * The stability map on screen: the canvas mapDraw.ts paints, redrawn when its cells, the current
 * scenario or the picked cell change, with the pointer and the keyboard to pick a cell (its
 * settings and outcome are read out below) and a click or Enter to open it.
 */
import { useLayoutEffect, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { MapCell, MapSpec } from '../scenarios/stabilityGrid';
import { useWidth } from '../charts/useWidth';
import { cellAt, drawMap, mapLayout } from './mapDraw';

interface Props {
  spec: MapSpec;
  cells: readonly (MapCell | null)[];
  steps: number;
  current: { i: number; j: number } | null;
  preview(i: number, j: number): MapCell | null;
  describe(i: number, j: number): string;
  onOpen(cell: MapCell): void;
  canvasRef: RefObject<HTMLCanvasElement | null>;
}

const MOVES: Readonly<Record<string, [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

export function MapCanvas({ spec, cells, steps, current, preview, describe, onOpen, canvasRef }: Props) {
  const [ref, width] = useWidth();
  const [active, setActive] = useState<{ i: number; j: number } | null>(null);
  const layout = mapLayout(width, spec.x.cells, spec.y.cells);
  const scale = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;

  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (ctx && width > 0) drawMap(ctx, layout, { spec, cells, steps, current, active, preview }, scale);
  });

  const at = (e: MouseEvent<HTMLCanvasElement>): { i: number; j: number } | null => {
    const box = e.currentTarget.getBoundingClientRect();
    return cellAt(layout, e.clientX - box.left, e.clientY - box.top);
  };
  const open = (p: { i: number; j: number } | null): void => {
    const c = p ? cells[p.j * spec.x.cells + p.i] : null;
    if (c && !c.error) onOpen(c);
  };
  const keys = (e: KeyboardEvent): void => {
    const p = active ?? current ?? { i: 0, j: 0 };
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      setActive({ i: Math.min(spec.x.cells - 1, Math.max(0, p.i + move[0])), j: Math.min(spec.y.cells - 1, Math.max(0, p.j + move[1])) });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(p);
    }
  };
  const count = (state: (c: MapCell | null) => boolean): number => cells.filter(state).length;

  return (
    <div ref={ref} className="map-grid">
      <div
        className="map-grid-focus"
        tabIndex={0}
        role="group"
        aria-label="Stability map: arrow keys move between cells, Enter opens the cell"
        data-testid="map-grid"
        onKeyDown={keys}
        onFocus={() => setActive((a) => a ?? current ?? { i: 0, j: 0 })}
        onBlur={() => setActive(null)}
      >
        {width > 0 && (
          <canvas
            ref={canvasRef}
            width={Math.round(layout.width * scale)}
            height={Math.round(layout.height * scale)}
            style={{ width: layout.width, height: layout.height }}
            role="img"
            aria-label={`Stability map: ${count((c) => c?.firstNonFinite != null)} cells turn non-finite, ${count((c) => c !== null && c.firstNonFinite === null && !c.error)} stay finite, ${count((c) => c === null)} still to come`}
            data-testid="map-canvas"
            data-nx={spec.x.cells}
            data-ny={spec.y.cells}
            data-side={layout.side}
            data-plot-x={layout.plot.x}
            data-plot-y={layout.plot.y}
            data-current={current ? `${current.i},${current.j}` : ''}
            onMouseMove={(e) => setActive(at(e))}
            onMouseLeave={() => setActive(null)}
            onClick={(e) => open(at(e))}
          />
        )}
      </div>
      <p className="map-readout" data-testid="map-readout" aria-live="polite">
        {active
          ? describe(active.i, active.j)
          : 'Point at a cell, or focus the map and use the arrow keys, to see its settings and outcome; click or press Enter to open it.'}
      </p>
    </div>
  );
}
