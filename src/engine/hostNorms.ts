/**
 * The record's sums of squares computed in JS on the cpu backend, where tensors are plain
 * Float32Arrays: the same arithmetic as the kernels they replace (tfjs-backend-cpu's Square and
 * Sub store each element as float32, its Sum adds those in a JS number and stores the total as
 * float32, its Sqrt is Math.sqrt stored as float32), so the numbers are bit for bit the ones the
 * device path reads back, without the two or three kernel launches per parameter that cost more
 * than the arithmetic on a small model. Only for cpu: wasm's kernels add in float32, in their own order.
 */
const f32 = Math.fround;

/** Σx² as tfjs-backend-cpu's sum(square(x)) computes it. */
export function sumOfSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += f32(v[i]! * v[i]!);
  return f32(s);
}

/** Σ(a − b)² as tfjs-backend-cpu's sum(square(sub(a, b))) computes it (a and b of one shape). */
export function sumOfSquaredDifferences(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = f32(a[i]! - b[i]!);
    s += f32(d * d);
  }
  return f32(s);
}

/** The global norm from per-tensor sums of squares, as clipping.ts's globalNorm adds them (pairwise, from 0). */
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
