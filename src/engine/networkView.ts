/**
 * What the network diagram draws, as plain data the worker posts with each preview: the model's
 * columns in forward order (the inputs, each layer, the loss), the weights of the edges drawn into
 * each dense layer, and the U-Net's skip connections; and which column a sentinel quantity belongs
 * to, so the diagram lights the one the sentinel flags. No tfjs here: the page imports it
 * (networkFlow.ts builds the view in the worker).
 */

/** Units drawn per column; a wider layer shows these and says how many more it has. */
export const MAX_DRAWN_UNITS = 8;

/** input: the data; dense: a layer with a weight matrix; block: a convolution or an op; loss: the loss. */
export type ColumnKind = 'input' | 'dense' | 'block' | 'loss';

/** The id of the inputs' column (the sentinel names the batch data/x, data/y). */
export const INPUT_COLUMN = 'data';
/** The id of the loss's column (loss/elements, loss/value, …). */
export const LOSS_COLUMN = 'loss';

export interface NetworkColumn {
  /** The name the sentinel's quantities use for its tensors: a layer ("dense1", "enc1/conv"), or INPUT_COLUMN, LOSS_COLUMN. */
  id: string;
  kind: ColumnKind;
  /** Units of a dense layer, channels of a block, input features (1 for an image), 1 for the loss. */
  units: number;
  /** In words: the activation or op ("tanh", "conv 3×3 + relu"), the inputs ("image 32×32"), the loss ("bceLogits, mean"). */
  detail: string;
  /** Names of the drawn units where they have one (the inputs: x1, x2, x1²…), else empty. */
  unitNames: string[];
}

/** The weights into one column from the one before, of the drawn units only: values[i · to + j] joins unit i to unit j. */
export interface EdgeWeights {
  from: number;
  to: number;
  values: number[];
}

export interface NetworkView {
  columns: NetworkColumn[];
  /** edges[i] joins column i to column i + 1; null where the next column has no weight matrix to draw. */
  edges: (EdgeWeights | null)[];
  /** Skip connections as [from, to] column indexes (the U-Net's concatenations). */
  skips: [number, number][];
}

/** Units a column draws. */
export const drawnUnits = (c: NetworkColumn): number => Math.min(c.units, MAX_DRAWN_UNITS);

/** Prefixes that name a layer's tensors in another phase: its gradients, its updated parameters, the optimizer's state for them. */
const OWNER_PREFIX = /^(grad|param|momentum\/buf|rmsprop\/v|adamw?\/[mv])\//;

/**
 * The column a sentinel quantity belongs to: "dense1/preact", "grad/dense1/kernel", "adam/v/dense1/bias"
 * and "param/dense1/kernel" are dense1's; "data/x" the inputs'; "loss/…" the loss's; the model's
 * output ops ("out/prob", "out/clamped") the last layer's. Null for what no one column holds: the
 * clipping norm over every gradient, or a quantity the sentinel could not name.
 */
export function columnOf(quantity: string, columns: readonly NetworkColumn[]): number | null {
  const index = (id: string): number | null => {
    const i = columns.findIndex((c) => c.id === id);
    return i < 0 ? null : i;
  };
  const [head] = quantity.split('/');
  if (head === INPUT_COLUMN) return index(INPUT_COLUMN);
  if (head === LOSS_COLUMN) return index(LOSS_COLUMN);
  const owned = quantity.replace(OWNER_PREFIX, '');
  const layer = columns.findIndex((c) => (c.kind === 'dense' || c.kind === 'block') && (owned === c.id || owned.startsWith(`${c.id}/`)));
  if (layer >= 0) return layer;
  // The output's own ops come after the last layer and before the loss (stepMath.ts forwardAndLoss).
  if (head === 'out') {
    const last = columns.findLastIndex((c) => c.kind === 'dense' || c.kind === 'block');
    return last < 0 ? null : last;
  }
  return null;
}

/**
 * The columns a flag lights, in the order the sentinel met them: the first non-finite quantity's,
 * then each cascade quantity's column that is not lit yet. Quantities of no one column are left out.
 */
export function litColumns(quantities: readonly string[], columns: readonly NetworkColumn[]): { column: number; quantity: string }[] {
  const lit: { column: number; quantity: string }[] = [];
  for (const quantity of quantities) {
    const column = columnOf(quantity, columns);
    if (column !== null && !lit.some((l) => l.column === column)) lit.push({ column, quantity });
  }
  return lit;
}
