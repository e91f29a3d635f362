/**
 * The record's sums of squares computed in JS on the backends whose tensors live in JS or wasm
 * memory, with the arithmetic of the kernels they replace, so the numbers are bit for bit the
 * ones the device path reads back, without the two or three kernel launches per parameter that
 * cost more than the arithmetic on a small model:
 * - cpu: Square and Sub store each element as float32; Sum adds those in a JS number and stores
 *   the total as float32.
 * - wasm: the same elements; Sum adds them one after another in a float32 accumulator (measured
 *   against the kernel in hostNorms.test.ts).
 * Both: Sqrt is the float32 square root, which Math.sqrt rounded to float32 is.
 */
const f32 = Math.fround;

/** How a backend's Sum kernel accumulates. */
export type SumOrder = 'float64' | 'float32';

/** The backends whose sums are reproduced here, and how each adds. */
export function hostSumOrder(backend: string): SumOrder | null {
  if (backend === 'cpu') return 'float64';
  if (backend === 'wasm') return 'float32';
  return null;
}

/** The record's sums on the host, as one backend's kernels compute them. */
export interface HostSums {
  /** Σx² as sum(square(x)). */
  sumOfSquares(v: ArrayLike<number>): number;
  /** Σ(a − b)² as sum(square(sub(a, b))), a and b of one shape. */
  sumOfSquaredDifferences(a: ArrayLike<number>, b: ArrayLike<number>): number;
}

const FLOAT64_SUMS: HostSums = {
  sumOfSquares(v) {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += f32(v[i]! * v[i]!);
    return f32(s);
  },
  sumOfSquaredDifferences(a, b) {
    let s = 0;
    for (let i = 0; i < a.length; i++) {
      const d = f32(a[i]! - b[i]!);
      s += f32(d * d);
    }
    return f32(s);
  },
};

const FLOAT32_SUMS: HostSums = {
  sumOfSquares(v) {
    let s = 0;
    for (let i = 0; i < v.length; i++) s = f32(s + f32(v[i]! * v[i]!));
    return s;
  },
  sumOfSquaredDifferences(a, b) {
    let s = 0;
    for (let i = 0; i < a.length; i++) {
      const d = f32(a[i]! - b[i]!);
      s = f32(s + f32(d * d));
    }
    return s;
  },
};

/** The sums of a backend whose Sum accumulates in `order`. */
export function hostSums(order: SumOrder): HostSums {
  return order === 'float64' ? FLOAT64_SUMS : FLOAT32_SUMS;
}

/** The global norm from per-tensor sums of squares, as clipping.ts's normFromSquares adds them (float32 adds). */
export function normFromSquares(squares: readonly number[]): number {
  let acc = 0;
  for (const s of squares) acc = f32(acc + s);
  return f32(Math.sqrt(acc));
}

/** Whether every value is finite. */
export function allFinite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}
