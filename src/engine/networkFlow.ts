/**
 * The network diagram's view (networkView.ts) of a trainer's model, built in the worker: columns
 * from the model's layer summary and its data set, and the weights of the drawn edges of every dense
 * layer, sliced on the device and read back in one readback (at most 8×8 numbers a layer).
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from './data/tabular';
import type { PlaneFeature } from './data/features2d';
import type { Model } from './models';
import type { Flow } from './readback';
import type { Scenario } from './scenario';
import { INPUT_COLUMN, LOSS_COLUMN, MAX_DRAWN_UNITS, drawnUnits, type EdgeWeights, type NetworkColumn, type NetworkView } from './networkView';

export type { NetworkView } from './networkView';

const FEATURE_NAMES: Readonly<Record<PlaneFeature, string>> = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1²',
  x2Squared: 'x2²',
  x1TimesX2: 'x1·x2',
  sinX1: 'sin x1',
  sinX2: 'sin x2',
};

/** The inputs' column: the 2D features by name, tabular columns as x1…xn, an image as one block. */
function inputColumn(s: Scenario, data: Dataset): NetworkColumn {
  const base = { id: INPUT_COLUMN, kind: 'input' as const };
  if (s.model === 'predictions') return { ...base, units: 1, detail: 'targets', unitNames: ['y'] };
  if (data.x.shape.length === 4) return { ...base, units: 1, detail: `image ${data.x.shape[1]}×${data.x.shape[2]}`, unitNames: [] };
  const width = data.x.shape.slice(1).reduce((a, b) => a * b, 1);
  const names = data.plane ? data.plane.features.map((f) => FEATURE_NAMES[f]) : Array.from({ length: width }, (_, i) => `x${i + 1}`);
  return { ...base, units: width, detail: `${width} input${width === 1 ? '' : 's'}`, unitNames: names.slice(0, MAX_DRAWN_UNITS) };
}

/** The 2-D kernel of a layer, or undefined for a convolution, an op or the prediction vector. */
function denseKernel(model: Model, layer: string): tf.Variable | undefined {
  const kernel = model.params.find((p) => p.name === `${layer}/kernel`)?.variable;
  return kernel?.rank === 2 ? kernel : undefined;
}

/** The columns of a model in forward order: inputs, each layer of its summary, the loss. */
export function networkColumns(s: Scenario, model: Model, data: Dataset): NetworkColumn[] {
  const layers = model.summary.map((l): NetworkColumn => ({
    id: l.name,
    kind: denseKernel(model, l.name) ? 'dense' : 'block',
    units: l.units,
    detail: l.detail,
    unitNames: [],
  }));
  const loss: NetworkColumn = { id: LOSS_COLUMN, kind: 'loss', units: 1, detail: `${s.loss}, ${s.reduction}`, unitNames: [] };
  return [inputColumn(s, data), ...layers, loss];
}

/** The diagram's view of the model with its current weights, as a flow with one readback (none for a model without dense layers). */
export function* networkViewFlow(s: Scenario, model: Model, data: Dataset): Flow<NetworkView> {
  const columns = networkColumns(s, model, data);
  const skips = model.summary.flatMap((l, i): [number, number][] => {
    const from = l.skipFrom === undefined ? -1 : model.summary.findIndex((m) => m.name === l.skipFrom);
    return from < 0 ? [] : [[from + 1, i + 1]];
  });
  // Edge block i joins column i to i + 1, where i + 1 is a dense layer whose kernel starts at column i's units.
  const blocks = columns.slice(1).map((to, i) => {
    const kernel = to.kind === 'dense' ? denseKernel(model, to.id) : undefined;
    const from = columns[i]!;
    return kernel && kernel.shape[0] === from.units ? { kernel, from: drawnUnits(from), to: drawnUnits(to) } : null;
  });
  const drawn = blocks.filter((b) => b !== null);
  if (drawn.length === 0) return { columns, edges: blocks.map(() => null), skips };
  const packed = tf.tidy(() => tf.concat(drawn.map((b) => tf.reshape(tf.slice(b.kernel, [0, 0], [b.from, b.to]), [-1]))));
  const values = yield packed;
  let at = 0;
  const edges = blocks.map((b): EdgeWeights | null => {
    if (!b) return null;
    const n = b.from * b.to;
    const block = { from: b.from, to: b.to, values: Array.from({ length: n }, (_, k) => values[at + k]!) };
    at += n;
    return block;
  });
  return { columns, edges, skips };
}
