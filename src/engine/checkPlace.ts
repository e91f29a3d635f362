/**
 * Whether a GPU step reads its checked tensors back whole and checks them in JS (sentinel.ts,
 * CheckPlace 'gathered') instead of reducing each on the device. On webgl each program costs about
 * 0.05 ms however few elements it touches (SwiftShader, docs/BACKENDS.md), and the kernel path adds
 * two to five programs per checked tensor (max |x|, Σx², Σ(Δw)²) and a stack: on the linear model
 * that is 31 programs besides the 29 a bare step runs. Reading the values instead costs one concat
 * and a larger readback, which grows with the elements while the programs do not: so only up to
 * GATHER_LIMIT elements, counted from the step's plan (costPlan.ts) with room for full mode's reads.
 */
import { elementsOf, planStep } from './costPlan';
import type { Scenario } from './scenario';
import type { CheckPlace } from './sentinel';
import type { TrainerOptions } from './trainerTypes';

/** Elements a gathered readback may carry: 256 KB of float32, a fraction of a millisecond to read and scan. */
export const GATHER_LIMIT = 1 << 16;

/** The backends whose check kernels cost more than the values they reduce on a small model. */
const GATHERING_BACKENDS: ReadonlySet<string> = new Set(['webgl', 'webgpu']);

/**
 * An upper bound on the elements a gathered step reads: per parameter its gradient (twice in full
 * mode, as a record sum and as a watched quantity), its values before and after, and up to three
 * optimizer states and their updates; every forward tensor; the batch's inputs and targets.
 */
export function gatheredElements(s: Scenario): number {
  const plan = planStep(s);
  const sum = (ts: { shape: number[] }[]): number => ts.reduce((a, t) => a + elementsOf(t.shape), 0);
  const perRow = (shape: number[]): number => elementsOf(shape.slice(1));
  return 8 * sum(plan.params) + sum(plan.forward) + plan.batch * (perRow(plan.x.shape) + perRow(plan.y.shape));
}

/** Whether steps of `s` on `backend` gather their checks (see the file comment). */
export function gathersChecks(s: Scenario, backend: string): boolean {
  return GATHERING_BACKENDS.has(backend) && gatheredElements(s) <= GATHER_LIMIT;
}

/** Where a trainer's steps check values: the options force a place (tests run every place on cpu), else the backend and size decide. */
export function checkPlace(s: Scenario, backend: string, options: Pick<TrainerOptions, 'hostChecks' | 'gather'>): CheckPlace {
  if (options.hostChecks === false) return 'device';
  if (options.gather ?? gathersChecks(s, backend)) return 'gathered';
  return options.hostChecks === true || backend === 'cpu' || backend === 'wasm' ? 'host' : 'device';
}
