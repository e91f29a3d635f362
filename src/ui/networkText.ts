/** The network diagram in words: each column, the whole network (its text alternative) and what a flag lights. */
import type { NonFiniteReport } from '../engine/records';
import { columnOf, litColumns, type NetworkColumn, type NetworkView } from '../engine/networkView';

const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "dense1: 4 units, tanh"; "inputs: x1, x2"; "enc1/conv: 8 channels, conv 3×3 + relu"; "loss: bceLogits, mean". */
export function columnText(c: NetworkColumn): string {
  switch (c.kind) {
    case 'input':
      return c.unitNames.length > 0 && c.unitNames.length === c.units ? `inputs: ${c.unitNames.join(', ')}` : `inputs: ${c.detail}`;
    case 'dense':
      return `${c.id}: ${plural(c.units, 'unit')}, ${c.detail}`;
    case 'block':
      return `${c.id}: ${plural(c.units, c.id.includes('conv') || c.id.includes('/up') ? 'channel' : 'unit')}, ${c.detail}`;
    case 'loss':
      return `loss: ${c.detail}`;
  }
}

/** The diagram's text alternative: the columns in order, and how the edges are drawn. */
export function networkText(view: NetworkView): string {
  const path = view.columns.map(columnText).join(' → ');
  const edges = view.edges.some((e) => e !== null) ? ' Edges: blue for a positive weight, orange for a negative one, thicker for a larger |w|.' : '';
  const skips = view.skips.map(([a, b]) => `${view.columns[a]!.id} to ${view.columns[b]!.id}`);
  return `${path}.${edges}${skips.length > 0 ? ` Skip connections: ${skips.join(', ')}.` : ''}`;
}

/** What a flag lights, in words: the first non-finite quantity and its column, then the columns the cascade reaches. */
export function flagText(report: NonFiniteReport, view: NetworkView): string {
  const first = columnOf(report.quantity, view.columns);
  const where = first === null ? 'which no one layer holds' : `in ${columnText(view.columns[first]!).split(':')[0]}`;
  const reached = litColumns(
    report.cascade.map((q) => q.quantity),
    view.columns,
  ).filter((l) => l.column !== first);
  const cascade = reached.length > 0 ? `; after it, in the same step: ${reached.map((l) => view.columns[l.column]!.id).join(', then ')}` : '';
  return `Step ${report.step}: ${report.kind} first in ${report.quantity}, ${where}${cascade}.`;
}
