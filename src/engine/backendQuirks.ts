/**
 * Measured NaN/Inf semantics of the active backend. GPU backends do not promise IEEE results for
 * edge cases (log(0), 0/0, relu(NaN)…), so a run can go non-finite at another place or step than on
 * the cpu. The app measures the differences live when a backend starts and shows them next to a
 * verdict, instead of a table written by hand.
 */
import * as tf from '@tensorflow/tfjs';
import { showNumber } from './numberFormat';
import { driveAsync, type Flow } from './readback';

interface Probe {
  id: string;
  expression: string;
  ieee: number; // what tfjs's cpu backend gives: IEEE float32, and for a mean, each value divided before the sum
  compute: () => tf.Tensor;
}

// The largest float32 below 3e38: two of them sum past the float32 maximum (3.4e38), their mean does not.
const BIG = Math.fround(3e38);

const PROBES: Probe[] = [
  { id: 'log0', expression: 'log(0)', ieee: -Infinity, compute: () => tf.log(tf.tensor1d([0])) },
  { id: 'zeroTimesInf', expression: '0 · (−Inf)', ieee: NaN, compute: () => tf.mul(tf.tensor1d([0]), tf.tensor1d([-Infinity])) },
  { id: 'zeroOverZero', expression: '0 / 0', ieee: NaN, compute: () => tf.div(tf.tensor1d([0]), tf.tensor1d([0])) },
  {
    id: 'infOverInf',
    expression: 'Inf / Inf',
    ieee: NaN,
    compute: () => {
      const x = tf.tensor1d([Infinity]);
      return tf.div(x, x);
    },
  },
  { id: 'oneOverZero', expression: '1 / 0', ieee: Infinity, compute: () => tf.div(tf.tensor1d([1]), tf.tensor1d([0])) },
  { id: 'reluNaN', expression: 'relu(NaN)', ieee: NaN, compute: () => tf.relu(tf.tensor1d([NaN])) },
  { id: 'reluNegInf', expression: 'relu(−Inf)', ieee: 0, compute: () => tf.relu(tf.tensor1d([-Infinity])) },
  { id: 'sigmoidNaN', expression: 'sigmoid(NaN)', ieee: NaN, compute: () => tf.sigmoid(tf.tensor1d([NaN])) },
  { id: 'clipInf', expression: 'clip(Inf, −1, 1)', ieee: 1, compute: () => tf.clipByValue(tf.tensor1d([Infinity]), -1, 1) },
  { id: 'squareOverflow', expression: '(1e20)²', ieee: Infinity, compute: () => tf.square(tf.tensor1d([1e20])) },
  // Reductions: where a backend sums before it divides, a mean of large values overflows where cpu's does not,
  // and a diverging run flags a step or more earlier there (measured: optimizer-high-lr, cpu 36, wasm 33).
  { id: 'meanOverflow', expression: 'mean(3e38, 3e38)', ieee: BIG, compute: () => tf.mean(tf.tensor1d([BIG, BIG])) },
  { id: 'sumOverflow', expression: 'sum(3e38, 3e38)', ieee: Infinity, compute: () => tf.sum(tf.tensor1d([BIG, BIG])) },
];

export interface Quirk {
  id: string;
  expression: string;
  ieee: number;
  measured: number;
  /** One line for the user, e.g. "log(0) = -88.03 here (IEEE float32: −Inf)". */
  description: string;
}

/** Same value, with NaN equal to NaN. */
function same(a: number, b: number): boolean {
  return Object.is(a, b) || (a === 0 && b === 0);
}

function* quirkFlow(): Flow<Quirk[]> {
  const packed = tf.tidy(() => tf.concat(PROBES.map((p) => tf.reshape(p.compute(), [1]))));
  const values = yield packed;
  return PROBES.map((p, i) => ({ id: p.id, expression: p.expression, ieee: p.ieee, measured: values[i]! }))
    .filter((q) => !same(q.ieee, q.measured))
    .map((q) => ({ ...q, description: describeQuirk(q) }));
}

/** The edge cases where the active backend's result differs from the cpu's IEEE float32 (empty on cpu). */
export function measureQuirks(): Promise<Quirk[]> {
  return driveAsync(quirkFlow());
}

function describeQuirk(q: Omit<Quirk, 'description'>): string {
  return `${q.expression} = ${showNumber(q.measured)} here (cpu, IEEE float32: ${showNumber(q.ieee)})`;
}
