/**
 * Conv2D (the forward convolution) for the cpu backend. The stock kernel already indexes flat
 * arrays, but adds every product straight into the Float32Array output: a load, a rounding store
 * and a filter load per multiply-add. This one keeps four output channels of two pixels in local
 * variables and rounds each partial sum to float32 with Math.fround, which is exactly what the
 * stock store does; each output receives its terms in the stock order (filter row, filter column,
 * input channel), so the bits are the same.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelArgs } from './cpuBackendData';
import { convSetup, laneOffsets } from './cpuConvSetup';

/** The fast path; null where the stock kernel must run (NCHW, non-float32 or complex inputs). */
function conv2D(args: KernelArgs): tf.TensorInfo | null {
  const { x, filter } = args.inputs as { x?: tf.TensorInfo; filter?: tf.TensorInfo };
  const dilations = (args.attrs as unknown as tf.Conv2DAttrs).dilations;
  const setup = x && filter ? convSetup(args, ['x', 'filter'], x.shape, filter.shape, dilations) : null;
  if (!setup) return null;
  const { backend, a: xv, b: wv, info } = setup;
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth, dilationHeight, dilationWidth } = info;
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  const xRowStride = inWidth * inChannels;
  const xBatchStride = inHeight * xRowStride;
  const wColStride = inChannels * outChannels;
  const wRowStride = filterWidth * wColStride;
  const y = new Float32Array(batchSize * outHeight * outWidth * outChannels);
  const fr = Math.fround;
  const xPairStride = strideWidth * inChannels;
  const lastTap = (filterWidth - 1) * dilationWidth;
  for (let b = 0; b < batchSize; ++b) {
    for (let yR = 0; yR < outHeight; ++yR) {
      const xRCorner = yR * strideHeight - padTop;
      for (let yC = 0; yC < outWidth;) {
        const xCCorner = yC * strideWidth - padLeft;
        // Two neighbouring pixels whose filter columns all lie inside x share every filter load.
        const pair = yC + 1 < outWidth && xCCorner >= 0 && xCCorner + strideWidth + lastTap < inWidth;
        const yOffset = ((b * outHeight + yR) * outWidth + yC) * outChannels;
        for (let d2 = 0; d2 < outChannels; d2 += 4) {
          // Four output channels (fewer real ones at the edge: laneOffsets).
          const n = Math.min(4, outChannels - d2);
          const [k1, k2, k3] = laneOffsets(n);
          let a0 = 0,
            a1 = 0,
            a2 = 0,
            a3 = 0;
          let c0 = 0,
            c1 = 0,
            c2 = 0,
            c3 = 0;
          for (let wR = 0; wR < filterHeight; ++wR) {
            const xR = xRCorner + wR * dilationHeight;
            if (xR < 0 || xR >= inHeight) continue;
            for (let wC = 0; wC < filterWidth; ++wC) {
              const xC = xCCorner + wC * dilationWidth;
              if (xC < 0 || xC >= inWidth) continue;
              const xOffset = b * xBatchStride + xR * xRowStride + xC * inChannels;
              let w = wR * wRowStride + wC * wColStride + d2;
              if (pair) {
                for (let d1 = 0; d1 < inChannels; ++d1, w += outChannels) {
                  const p = xv[xOffset + d1]!;
                  const q = xv[xOffset + xPairStride + d1]!;
                  const w0 = wv[w]!;
                  const w1 = wv[w + k1]!;
                  const w2 = wv[w + k2]!;
                  const w3 = wv[w + k3]!;
                  a0 = fr(a0 + p * w0);
                  a1 = fr(a1 + p * w1);
                  a2 = fr(a2 + p * w2);
                  a3 = fr(a3 + p * w3);
                  c0 = fr(c0 + q * w0);
                  c1 = fr(c1 + q * w1);
                  c2 = fr(c2 + q * w2);
                  c3 = fr(c3 + q * w3);
                }
              } else {
                for (let d1 = 0; d1 < inChannels; ++d1, w += outChannels) {
                  const p = xv[xOffset + d1]!;
                  a0 = fr(a0 + p * wv[w]!);
                  a1 = fr(a1 + p * wv[w + k1]!);
                  a2 = fr(a2 + p * wv[w + k2]!);
                  a3 = fr(a3 + p * wv[w + k3]!);
                }
              }
            }
          }
          const sums = [a0, a1, a2, a3, c0, c1, c2, c3];
          for (let j = 0; j < n; ++j) y[yOffset + d2 + j] = sums[j]!;
          if (pair) for (let j = 0; j < n; ++j) y[yOffset + outChannels + d2 + j] = sums[4 + j]!;
        }
        yC += pair ? 2 : 1;
      }
    }
  }
  return backend.makeTensorInfo(info.outShape, 'float32', y);
}

/** The blocked Conv2D; anything it does not cover runs on `stock`, the kernel it replaces. */
export function conv2DKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => conv2D(args) ?? stock(args);
}
