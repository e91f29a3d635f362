/**
 * NaN and Inf in the wasm weight gradient exactly where the cpu backend puts them. The XNNPACK
 * route (wasmConvGrad.ts) differs from cpu's direct sum in two ways, both only where something is
 * already non-finite:
 *
 * | case | XNNPACK | cpu |
 * |---|---|---|
 * | a sum that is NaN, in some shapes (1 channel in and out, 1×1: docs/BACKENDS.md) | −Inf | NaN |
 * | a non-finite dy against the zero padding ('same') | 0 · Inf = NaN in the sum | the position is skipped |
 *
 * So every non-finite entry, and every entry where a non-finite dy met the padding, is recomputed
 * the cpu backend's way: a sum over in-range positions only, in its order and in double precision,
 * stored as float32. A finite step pays one scan of the result (and of dy when padded).
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Mark every dw entry a non-finite dy reaches through the padding. */
function markPaddedNonFinite(dyv: Float32Array, info: tf.backend_util.Conv2DInfo, redo: Uint8Array): void {
  const { inHeight: h, inWidth: w, inChannels: cin, outHeight: ho, outWidth: wo, outChannels: cout, filterHeight: kh, filterWidth: kw } = info;
  const { strideHeight: sh, strideWidth: sw, padInfo } = info;
  for (let p = 0; p < dyv.length; p++) {
    if (Number.isFinite(dyv[p]!)) continue;
    const co = p % cout;
    const xo = Math.floor(p / cout) % wo;
    const yo = Math.floor(p / (cout * wo)) % ho;
    for (let i = 0; i < kh; i++) {
      const r = yo * sh + i - padInfo.top;
      for (let j = 0; j < kw; j++) {
        const c = xo * sw + j - padInfo.left;
        if (r >= 0 && r < h && c >= 0 && c < w) continue;
        for (let ci = 0; ci < cin; ci++) redo[((i * kw + j) * cin + ci) * cout + co] = 1;
      }
    }
  }
}

/** One weight-gradient entry as the cpu backend sums it. */
function directEntry(xv: Float32Array, dyv: Float32Array, info: tf.backend_util.Conv2DInfo, i: number, j: number, ci: number, co: number): number {
  const { batchSize, inHeight: h, inWidth: w, inChannels: cin, outHeight: ho, outWidth: wo, outChannels: cout } = info;
  const { strideHeight: sh, strideWidth: sw, padInfo } = info;
  const yMin = Math.max(0, Math.ceil((padInfo.top - i) / sh));
  const yMax = Math.min(ho, (h + padInfo.top - i) / sh);
  const xMin = Math.max(0, Math.ceil((padInfo.left - j) / sw));
  const xMax = Math.min(wo, (w + padInfo.left - j) / sw);
  let sum = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let yo = yMin; yo < yMax; yo++) {
      const r = i + yo * sh - padInfo.top;
      for (let xo = xMin; xo < xMax; xo++) {
        const c = j + xo * sw - padInfo.left;
        sum += xv[((b * h + r) * w + c) * cin + ci]! * dyv[((b * ho + yo) * wo + xo) * cout + co]!;
      }
    }
  }
  return sum;
}

/** Recompute, in place, the entries of dw where the XNNPACK result may differ from cpu in NaN and Inf. */
export function repairNonFinite(backend: BackendWasm, x: tf.TensorInfo, dy: tf.TensorInfo, dw: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): void {
  // Views on the wasm heap: nothing below allocates on it, so they stay valid.
  const out = backend.typedArrayFromHeap(dw) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  let redo: Uint8Array | null = null;
  for (let e = 0; e < out.length; e++) {
    if (Number.isFinite(out[e]!)) continue;
    redo ??= new Uint8Array(out.length);
    redo[e] = 1;
  }
  const { top, bottom, left, right } = info.padInfo;
  if (top + bottom + left + right > 0 && !dyv.every(Number.isFinite)) markPaddedNonFinite(dyv, info, (redo ??= new Uint8Array(out.length)));
  if (redo === null) return;
  const xv = backend.typedArrayFromHeap(x) as Float32Array;
  const { inChannels: cin, outChannels: cout, filterWidth: kw } = info;
  for (let e = 0; e < out.length; e++) {
    if (redo[e] !== 1) continue;
    const co = e % cout;
    const ci = Math.floor(e / cout) % cin;
    const tap = Math.floor(e / (cout * cin));
    out[e] = directEntry(xv, dyv, info, Math.floor(tap / kw), tap % kw, ci, co);
  }
}
