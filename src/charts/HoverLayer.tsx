/**
 * The loss chart's pointer layer: hovering shows the step under the pointer with each run's exact
 * loss there (and the smoothed value when smoothing is on), read from the runs' traces, not from
 * the downsampled curve; a run with a held-out loss also shows its validation value at the nearest
 * step that measured one; dragging across the plot zooms to those steps; a double-click zooms out.
 * Its state is its own, so a moving pointer re-renders this layer and not the curves.
 */
import { useState, type PointerEvent } from 'react';
import { nonFiniteKind } from '../engine/records';
import { PLAIN, showNumber } from '../engine/numberFormat';
import type { LiveRun } from '../state/liveRun';
import type { Plot, StepRange } from './plotGeometry';

export interface HoverRun {
  feed: LiveRun;
  label: string;
  color: string;
}

interface Props {
  plot: Plot;
  runs: readonly HoverRun[];
  smoothing: number;
  onZoom: (range: StepRange | null) => void;
}

/** A drag shorter than this is a click, not a zoom. */
const MIN_DRAG_PX = 6;
/** A zoom shows at least this many steps. */
const MIN_ZOOM_STEPS = 4;
const LINE_HEIGHT = 15;

/** What a hover shows at one run's step: the loss and its kind in words. */
export function hoverText(label: string, loss: number | undefined, smoothed: number | undefined): string {
  if (loss === undefined) return `${label}: –`;
  if (nonFiniteKind(loss)) return `${label}: ${showNumber(loss, PLAIN)} (non-finite)`;
  const value = showNumber(loss, PLAIN);
  return smoothed === undefined ? `${label}: ${value}` : `${label}: ${value} (smoothed ${showNumber(smoothed, PLAIN)})`;
}

/** The step nearest to `target` that any of the runs recorded (runs may end at different steps). */
export function nearestRecordedStep(runs: readonly HoverRun[], target: number): number | null {
  let best: number | null = null;
  for (const r of runs) {
    const s = r.feed.trace.nearestStep(target);
    if (s !== null && (best === null || Math.abs(s - target) < Math.abs(best - target))) best = s;
  }
  return best;
}

/** One line of the hover readout: a run's training loss, or its validation loss, at the hovered step. */
export interface HoverLine {
  kind: 'training' | 'validation';
  color: string;
  loss: number | undefined;
  text: string;
}

/**
 * The readout's lines at `step`: each run's loss there (smoothed too for the main run when smoothing
 * is on) and, for a run with a held-out loss, its value at the nearest step that measured one (named
 * when that is not the hovered step: the held-out loss is measured every few steps).
 */
export function hoverLines(runs: readonly HoverRun[], step: number, smoothing: number): HoverLine[] {
  return runs.flatMap((r, i): HoverLine[] => {
    const loss = r.feed.trace.lossAt(step);
    const smoothed = i === 0 && smoothing > 0 ? r.feed.trace.smoothedAt(step, smoothing) : undefined;
    const training: HoverLine = { kind: 'training', color: r.color, loss, text: hoverText(r.label, loss, smoothed) };
    const measured = r.feed.heldOut.nearestStep(step);
    if (measured === null) return [training];
    const value = r.feed.heldOut.lossAt(measured);
    const text = hoverText(i === 0 ? 'validation' : `${r.label} validation`, value, undefined) + (measured === step ? '' : ` (step ${measured})`);
    return [training, { kind: 'validation', color: r.color, loss: value, text }];
  });
}

export function HoverLayer({ plot, runs, smoothing, onZoom }: Props) {
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  const pxOf = (e: PointerEvent<SVGRectElement>): number => {
    const box = e.currentTarget.getBoundingClientRect();
    return Math.min(plot.right, Math.max(plot.left, plot.left + (e.clientX - box.left)));
  };
  const step = hoverPx === null ? null : nearestRecordedStep(runs, plot.stepAt(hoverPx));
  const endDrag = (e: PointerEvent<SVGRectElement>): void => {
    if (!drag) return;
    setDrag(null);
    if (Math.abs(drag.to - drag.from) < MIN_DRAG_PX) return;
    const [a, b] = [plot.stepAt(Math.min(drag.from, drag.to)), plot.stepAt(Math.max(drag.from, drag.to))];
    const from = Math.max(0, Math.floor(a));
    onZoom({ from, to: Math.max(from + MIN_ZOOM_STEPS, Math.ceil(b)) });
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  return (
    <g className="hover-layer">
      {drag && (
        <rect
          className="zoom-selection"
          x={Math.min(drag.from, drag.to)}
          y={plot.top}
          width={Math.abs(drag.to - drag.from)}
          height={plot.bottom - plot.top}
          fill="#0072B2"
          opacity={0.12}
        />
      )}
      {step !== null && <HoverReadout plot={plot} step={step} runs={runs} smoothing={smoothing} />}
      <rect
        data-testid="loss-plot-area"
        x={plot.left}
        y={plot.top}
        width={plot.right - plot.left}
        height={plot.bottom - plot.top}
        fill="transparent"
        style={{ cursor: 'crosshair', touchAction: 'none' }}
        onPointerMove={(e) => {
          const px = pxOf(e);
          setHoverPx(px);
          if (drag) setDrag({ ...drag, to: px });
        }}
        onPointerLeave={() => setHoverPx(null)}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const px = pxOf(e);
          setDrag({ from: px, to: px });
        }}
        onPointerUp={endDrag}
        onDoubleClick={() => onZoom(null)}
      />
    </g>
  );
}

function HoverReadout({ plot, step, runs, smoothing }: { plot: Plot; step: number; runs: readonly HoverRun[]; smoothing: number }) {
  const x = plot.x(step);
  const lines = hoverLines(runs, step, smoothing);
  const width = Math.max(90, ...lines.map((l) => l.text.length * 6.6)) + 16;
  const height = (lines.length + 1) * LINE_HEIGHT + 8;
  // The box sits right of the line unless that would leave the plot.
  const boxX = x + 10 + width > plot.right ? x - 10 - width : x + 10;
  return (
    <g className="hover-readout" data-testid="loss-hover" data-step={step} pointerEvents="none">
      <line x1={x} x2={x} y1={plot.top} y2={plot.bottom} stroke="#444" strokeDasharray="2 2" />
      <rect x={boxX} y={plot.top + 4} width={width} height={height} rx={4} fill="#fff" stroke="#999" opacity={0.95} />
      <text x={boxX + 8} y={plot.top + 4 + LINE_HEIGHT} fontSize={12} fontWeight={600} fill="#222">
        step {step}
      </text>
      {lines.map((l, i) => (
        <text
          key={i}
          x={boxX + 8}
          y={plot.top + 4 + (i + 2) * LINE_HEIGHT}
          fontSize={12}
          fill={l.color}
          data-testid="loss-hover-line"
          data-kind={l.kind}
          data-value={String(l.loss)}
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}
