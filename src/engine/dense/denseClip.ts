/**
 * What stands between the model and the loss, and between the gradients and the update, on the
 * dense path: the prediction clamp (tf.clipByValue and its gradient) and gradient clipping by value
 * or by global norm (clipping.ts), in the cpu kernels' arithmetic.
 */
const f32 = Math.fround;

/** tf.clipByValue(x, −c, c) into out: the kernel compares with the bounds as given (JS numbers); NaN passes. */
export function clipInto(x: Float32Array, c: number, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v > c ? c : v < -c ? -c : v;
  }
}

/** ClipByValue's gradient in place: dy where −c ≤ x ≤ c (the bounds as float32 tensors), else 0; NaN gives 0. */
export function clipGradient(x: Float32Array, c: number, dy: Float32Array): void {
  const [lo, hi] = [f32(-c), f32(c)];
  for (let i = 0; i < x.length; i++) if (!(x[i]! >= lo && x[i]! <= hi)) dy[i] = 0;
}

/** Norm clipping's factor c / max(‖g‖, c), each op stored as float32 (tf.maximum propagates NaN). */
export function normScale(norm: number, c: number): number {
  const cT = f32(c);
  return f32(cT / f32(Math.max(norm, cT)));
}

/** Every gradient times the scale, in place. */
export function scaleAll(grads: readonly Float32Array[], scale: number): void {
  for (const g of grads) for (let i = 0; i < g.length; i++) g[i] = g[i]! * scale;
}
