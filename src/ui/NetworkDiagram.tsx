/**
 * The network diagram: the model's columns (inputs, each layer, the loss) with their drawn units
 * and weights (networkLayout.ts), redrawn with each preview. When the sentinel flags, the column of
 * the first non-finite quantity lights up under a label that is that quantity's name, and the
 * columns its cascade reaches are outlined in order. Each column takes keyboard focus and says what
 * it is; the whole network is also written out under the drawing (its text alternative).
 */
import { useId, useMemo, useState } from 'react';
import { COLORS } from '../charts/palette';
import { useWidth } from '../charts/useWidth';
import { columnOf, litColumns, type NetworkView } from '../engine/networkView';
import type { NonFiniteKind, NonFiniteReport } from '../engine/records';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { FLAG_ROOM, fitText, layoutNetwork, type ColumnLayout, type DiagramLayout } from './networkLayout';
import { columnText, flagText, networkText } from './networkText';

const KIND_FILL: Record<NonFiniteKind, string> = { NaN: COLORS.nan, '+Inf': COLORS.posInf, '-Inf': COLORS.negInf };
const FLAG = '#b34700';
const FLAG_BG = '#fde9dd';

export function NetworkPanel() {
  const { store } = usePlayground();
  const network = useStore(store, (s) => s.network);
  const report = useStore(store, (s) => s.report);
  return (
    <section className="panel network" aria-labelledby="network-title" data-testid="network-panel">
      <h2 id="network-title">Network</h2>
      {network ? <NetworkDiagram view={network} report={report} /> : <p className="muted">The diagram appears once the model is built.</p>}
    </section>
  );
}

type Lit = { kind: 'first' } | { kind: 'cascade'; order: number } | null;

function NetworkDiagram({ view, report }: { view: NetworkView; report: NonFiniteReport | null }) {
  const [ref, width] = useWidth();
  const [focused, setFocused] = useState<number | null>(null);
  const textId = useId();
  const layout = useMemo(() => (width > 0 ? layoutNetwork(view, width) : null), [view, width]);
  const first = report ? columnOf(report.quantity, view.columns) : null;
  const cascade = report
    ? litColumns(
        report.cascade.map((q) => q.quantity),
        view.columns,
      ).filter((l) => l.column !== first)
    : [];
  const litOf = (i: number): Lit => {
    if (i === first) return { kind: 'first' };
    const k = cascade.findIndex((l) => l.column === i);
    return k < 0 ? null : { kind: 'cascade', order: k + 2 };
  };
  const focusedColumn = focused === null ? undefined : view.columns[focused];
  return (
    <figure className="network-diagram" data-testid="network-diagram">
      <div ref={ref} className="network-box">
        {layout && (
          <svg width={layout.width} height={layout.height} role="group" aria-labelledby="network-title" aria-describedby={textId}>
            <g className="network-edges" aria-hidden="true">
              {layout.edges.map((e, k) => (
                <line
                  key={k}
                  x1={e.x1}
                  y1={e.y1}
                  x2={e.x2}
                  y2={e.y2}
                  stroke={e.stroke}
                  strokeWidth={e.width}
                  strokeOpacity={e.opacity}
                  strokeDasharray={e.dashed ? '3 2' : undefined}
                />
              ))}
              {layout.skips.map((d, k) => (
                <path key={`s${k}`} d={d} fill="none" stroke="#888" strokeDasharray="4 3" />
              ))}
            </g>
            {layout.columns.map((c, i) => (
              <Column
                key={view.columns[i]!.id}
                c={c}
                i={i}
                layout={layout}
                id={view.columns[i]!.id}
                text={columnText(view.columns[i]!)}
                lit={litOf(i)}
                kind={report?.kind ?? 'NaN'}
                focused={focused === i}
                onFocus={setFocused}
              />
            ))}
            {report && (
              <FlagLabel
                layout={layout}
                column={first === null ? null : layout.columns[first]!}
                id={first === null ? '' : view.columns[first]!.id}
                quantity={report.quantity}
              />
            )}
          </svg>
        )}
      </div>
      <figcaption>
        {report && (
          <p className="network-flag" data-testid="network-flag-text">
            {flagText(report, view)}
          </p>
        )}
        <p className="small muted" aria-live="polite" data-testid="network-focus">
          {focusedColumn ? columnText(focusedColumn) : 'Point at a layer, or Tab to it, for its details.'}
        </p>
        {layout?.numbered && (
          <ol className="network-key">
            {view.columns.map((c) => (
              <li key={c.id}>{columnText(c)}</li>
            ))}
          </ol>
        )}
        <p id={textId} className="small muted" data-testid="network-text">
          {networkText(view)}
        </p>
      </figcaption>
    </figure>
  );
}

interface ColumnProps {
  c: ColumnLayout;
  i: number;
  layout: DiagramLayout;
  id: string;
  text: string;
  lit: Lit;
  kind: NonFiniteKind;
  focused: boolean;
  onFocus: (i: number | null) => void;
}

function Column({ c, i, layout, id, text, lit, kind, focused, onFocus }: ColumnProps) {
  const r = layout.radius;
  const box = { x: c.x - r - 5, y: c.top - 4, width: 2 * r + 10, height: c.bottom - c.top + 8 };
  const fill = lit?.kind === 'first' ? KIND_FILL[kind] : lit ? FLAG_BG : '#fff';
  const status = lit?.kind === 'first' ? '; the first non-finite value is here' : lit ? `; reached in the same step (number ${lit.order} in order)` : '';
  const room = layout.cell - 4;
  return (
    <g
      tabIndex={0}
      role="img"
      aria-label={`${text}${status}`}
      className="network-column"
      data-testid="network-column"
      data-column={id}
      data-lit={lit?.kind ?? ''}
      onFocus={() => onFocus(i)}
      onBlur={() => onFocus(null)}
      onMouseEnter={() => onFocus(i)}
      onMouseLeave={() => onFocus(null)}
    >
      <rect
        {...box}
        rx={5}
        fill={lit?.kind === 'first' ? FLAG_BG : 'transparent'}
        stroke={lit ? FLAG : 'none'}
        strokeWidth={2}
        strokeDasharray={lit?.kind === 'cascade' ? '3 2' : undefined}
      />
      {lit?.kind === 'cascade' && (
        <text x={c.x} y={box.y - 3} fontSize={10} fontWeight={700} fill={FLAG} textAnchor="middle">
          {lit.order}
        </text>
      )}
      {focused && (
        <rect {...box} x={box.x - 2} y={box.y - 2} width={box.width + 4} height={box.height + 4} rx={6} fill="none" stroke={COLORS.compare} strokeWidth={3} />
      )}
      {c.shape === 'block' && <rect x={c.x - r} y={c.top + 2} width={2 * r} height={c.bottom - c.top - 4} rx={3} fill={fill} stroke="#555" />}
      {c.shape === 'loss' &&
        c.units.map((u, k) => (
          <polygon key={k} points={`${u.x},${u.y - r - 2} ${u.x + r + 2},${u.y} ${u.x},${u.y + r + 2} ${u.x - r - 2},${u.y}`} fill={fill} stroke="#555" />
        ))}
      {c.shape === 'unit' && c.units.map((u, k) => <circle key={k} cx={u.x} cy={u.y} r={r} fill={fill} stroke="#555" />)}
      {c.more > 0 && (
        <text x={c.x} y={c.bottom + 10} fontSize={10} fill="#555" textAnchor="middle">
          +{c.more.toLocaleString('en-US')}
        </text>
      )}
      <text x={c.x} y={layout.labelsTop + 22} fontSize={10} fontWeight={600} fill="#222" textAnchor="middle">
        {layout.numbered ? String(i + 1) : fitText(c.label, room)}
      </text>
      {!layout.numbered && (
        <text x={c.x} y={layout.labelsTop + 35} fontSize={10} fill="#555" textAnchor="middle">
          {fitText(c.sublabel, room)}
        </text>
      )}
    </g>
  );
}

/** The sentinel's quantity, exactly as the report names it, over the column it lit (centred when no one column holds it). */
function FlagLabel({ layout, column, id, quantity }: { layout: DiagramLayout; column: ColumnLayout | null; id: string; quantity: string }) {
  const width = Math.min(layout.width - 4, quantity.length * 6.6 + 12);
  const centre = column?.x ?? layout.width / 2;
  const x = Math.max(2, Math.min(layout.width - 2 - width, centre - width / 2));
  return (
    <g data-testid="network-flag" data-column={id}>
      <rect x={x} y={2} width={width} height={FLAG_ROOM - 6} rx={4} fill={FLAG} />
      <text data-testid="network-flag-label" x={x + width / 2} y={FLAG_ROOM - 9} fontSize={11} fontWeight={700} fill="#fff" textAnchor="middle">
        {quantity}
      </text>
    </g>
  );
}
