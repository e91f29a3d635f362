/**
 * What a run will hold and compute, from the scenario alone, before anything is allocated: the
 * bytes of the data on the device and of its JS copy, the parameters, the step's gradients and
 * update temporaries, the optimizer state, the batch's activations, the sentinel's snapshots, and
 * the FLOPs of one step. Pure arithmetic (no tfjs), so a link can be refused before tfjs loads.
 *
 * How the counts follow the code (measured against tf.memory() in src/runs/cost.engine.test.ts, figures in docs/COST.md):
 * - Every tensor is float32: float16 and bfloat16 are simulated by rounding float32 tensors
 *   (precision.ts), so they store 4 bytes a number too, plus one rounded copy per rounding point.
 * - A step runs in two phases that do not overlap. The backward phase holds every forward tensor of
 *   the batch (saved for the gradients) and one gradient of the same size per tensor, until the
 *   backward pass ends. The update phase runs after those are freed and holds parameter-sized
 *   temporaries: the gradients, the optimizer's arithmetic, the norms the record reads back.
 * - The fast sentinel keeps two snapshots of parameters and optimizer state (trainer.ts); without
 *   the sentinel the first snapshot stays, a full copy once the weights have moved.
 * - The trainer keeps the prepared data set in JS as float64 besides the float32 tensors.
 */
import { planStep, elementsOf, type CostPlan, type PlannedTensor } from './costPlan';
import { driverShares, type CostDriver } from './costDrivers';
import type { OptimizerKind, Precision, Scenario } from './scenario';

export type { PlannedTensor } from './costPlan';
export type { CostDriver } from './costDrivers';

const FLOAT32 = 4;
const FLOAT64 = 8;

/** Bytes of one run, by what holds them. */
export interface CostBytes {
  /** The data set's tensors (x and y, every row). */
  data: number;
  /** The data set as the trainer keeps it in JS (float64), besides the tensors. */
  host: number;
  parameters: number;
  /** The update phase of a step: gradients, optimizer arithmetic, norms (parameter-sized). */
  gradients: number;
  /** Optimizer state (momentum 1×, Adam 2× the parameters). */
  optimizer: number;
  /** The backward phase of a step: the batch's forward tensors and their gradients. */
  activations: number;
  /** The sentinel's copies of parameters and optimizer state. */
  snapshots: number;
  /** At the peak: everything held, plus the larger phase of a step (they do not overlap, so this is less than the sum). */
  total: number;
}

export interface Cost {
  scenario: Scenario;
  rows: number;
  /** Rows per step (the whole data set when the batch size is 0 or larger). */
  batch: number;
  bytes: CostBytes;
  /** Bytes in tensors at the peak (all but the JS copy): what a backend's memory must hold. */
  deviceBytes: number;
  /** Forward + backward (≈ 3× the forward products) + the element-wise ops and the update. */
  flopsPerStep: number;
  /** The scenario fields that drive `total`, largest share first. */
  drivers: { key: CostDriver; share: number }[];
  /** The largest tensors of a step, largest first: what per-tensor limits (textures, buffers) see. */
  tensors: PlannedTensor[];
}

/** Optimizer state tensors per parameter tensor (optimizers.ts). */
const STATE_PER_PARAM: Readonly<Record<OptimizerKind, number>> = { sgd: 0, momentum: 1, adam: 2, adamw: 2, rmsprop: 1 };

/** Parameter-sized tensors each optimizer's update makes per parameter (optimizers.ts, op by op). */
const UPDATE_TENSORS: Readonly<Record<OptimizerKind, number>> = {
  sgd: 2, // lr·g, w − lr·g
  momentum: 4, // μ·buf, + g, lr·buf, w − …
  adam: 14, // m (3), v (4), m̂, v̂, √v̂, + ε, ÷, lr·, w − …
  adamw: 14,
  rmsprop: 9, // v (4), √v, + ε, ÷, lr·, w − …
};

/** Values the precision rounds in the update, per parameter (each one more tensor). */
const UPDATE_ROUNDINGS: Readonly<Record<OptimizerKind, number>> = { sgd: 1, momentum: 2, adam: 6, adamw: 6, rmsprop: 3 };

/**
 * Parameter-sized tensors every step makes besides the optimizer's: the gradient, its square for
 * the global norm, the old weights' squares, the update's difference and square, the gradient's
 * and the new weights' squares for the record (stepMath.ts).
 */
const STEP_TENSORS = 7;

/**
 * A node's own temporaries, in tensors the size of the largest forward tensor: an activation's
 * gradient is built from two more; rounding to float16 or bfloat16 runs a dozen element-wise ops
 * (precision.ts) whose results live until the rounding returns.
 */
const NODE_TEMPORARIES: Readonly<Record<Precision, number>> = { float32: 2, float16: 16, bfloat16: 12 };

/** Scalars of every step: the loss, the norms, the readback's pieces. */
const STEP_SCALARS = 16;

/** Elements of the update phase per parameter element. */
function updateTensors(s: Scenario): number {
  const rounding = s.precision === 'float32' ? 0 : 1;
  let k = STEP_TENSORS + UPDATE_TENSORS[s.optimizer] + rounding * (1 + UPDATE_ROUNDINGS[s.optimizer]);
  if (s.optimizer === 'adamw' && s.weightDecay > 0) k += 2 + rounding;
  if (s.clipping !== 'none') k += 1 + rounding;
  // isFinite and logicalNot are bool (1 byte), the cast float32; then one where per assigned tensor.
  if (s.skipNonFinite) k += 1.5 + 1 + STATE_PER_PARAM[s.optimizer];
  return k;
}

/** Bytes and FLOPs of a plan; `drivers` is filled by estimateCost. */
function price(s: Scenario, plan: CostPlan): Omit<Cost, 'drivers'> {
  const params = plan.params.reduce((a, t) => a + elementsOf(t.shape), 0);
  const state = params * STATE_PER_PARAM[s.optimizer];
  const forward = plan.forward.reduce((a, t) => a + elementsOf(t.shape), 0);
  const largest = plan.forward.reduce((a, t) => Math.max(a, elementsOf(t.shape)), 0);
  const rowWidth = (t: PlannedTensor): number => elementsOf(t.shape) / Math.max(1, plan.rows);
  // A batch smaller than the data set is gathered into tensors of its own, held all step.
  const gathered = plan.batch < plan.rows ? plan.batch * (rowWidth(plan.x) + rowWidth(plan.y)) : 0;
  // Each forward tensor and its gradient, summed gradients of shared tensors, the largest node's temporaries.
  const backwardPhase = STEP_SCALARS + gathered + 2 * forward + plan.shared + NODE_TEMPORARIES[s.precision] * largest + params;
  const updatePhase = STEP_SCALARS + gathered + params * updateTensors(s);
  // The held-out pass runs in one tidy: all its tensors live until it returns, with no gradients.
  const held = plan.heldOut;
  const heldOutForward = held ? held.forward.reduce((a, t) => a + elementsOf(t.shape), 0) : 0;
  const heldOutLargest = held ? held.forward.reduce((a, t) => Math.max(a, elementsOf(t.shape)), 0) : 0;
  const heldOutPhase = held ? STEP_SCALARS + heldOutForward + NODE_TEMPORARIES[s.precision] * heldOutLargest : 0;
  const heldOutData = held ? elementsOf(held.x.shape) + elementsOf(held.y.shape) : 0;
  const copies = s.sentinel ? 2 : 1;
  const bytes = {
    data: (elementsOf(plan.x.shape) + elementsOf(plan.y.shape) + heldOutData) * FLOAT32,
    host: (plan.hostValues + plan.hostScratch) * FLOAT64,
    parameters: params * FLOAT32,
    gradients: updatePhase * FLOAT32,
    optimizer: state * FLOAT32,
    activations: (backwardPhase - params) * FLOAT32,
    snapshots: copies * (params + state) * FLOAT32,
  };
  const kept = bytes.data + bytes.parameters + bytes.optimizer + bytes.snapshots;
  const deviceBytes = kept + Math.max(backwardPhase, updatePhase, heldOutPhase) * FLOAT32;
  const tensors = [plan.x, plan.y, ...plan.forward].sort((a, b) => elementsOf(b.shape) - elementsOf(a.shape));
  return {
    scenario: s,
    rows: plan.rows,
    batch: plan.batch,
    bytes: { ...bytes, total: deviceBytes + bytes.host },
    deviceBytes,
    flopsPerStep: 3 * plan.matFlops + 3 * forward + params * (UPDATE_TENSORS[s.optimizer] + STEP_TENSORS),
    tensors: tensors.slice(0, 16),
  };
}

/** The cost without its drivers: what the driver and budget searches evaluate many times. */
export function costOf(s: Scenario): Omit<Cost, 'drivers'> {
  return price(s, planStep(s));
}

/** The bytes and FLOPs of a run of `s`, and the fields that drive them. */
export function estimateCost(s: Scenario): Cost {
  const cost = costOf(s);
  return { ...cost, drivers: driverShares(s, (t) => costOf(t).bytes.total) };
}
