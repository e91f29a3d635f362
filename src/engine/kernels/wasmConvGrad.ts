/**
 * The convolution weight gradient (Conv2DBackpropFilter) for tfjs's wasm backend, which has none,
 * so the U-Net could not train there. It is built on the backend's own XNNPACK Conv2D: with the
 * batch moved to the channel axis, the weight gradient of a convolution is one 'valid' convolution
 * of the padded input by dy, dilated by the forward stride:
 *
 * | step | tensor | shape |
 * |---|---|---|
 * | pad x by the forward conv's padInfo | xp | [B, H+top+bottom, W+left+right, Cin] |
 * | transpose xp, batch to channels | input | [Cin, Hp, Wp, B] |
 * | transpose dy, as a filter | filter | [H', W', B, Cout] |
 * | Conv2D, 'valid', dilation = stride | o | [Cin, ≥kh, ≥kw, Cout] |
 * | crop (a stride can leave spare rows), transpose | dw | [kh, kw, Cin, Cout] |
 *
 * The gradient of the input (Conv2DBackpropInput) is tfjs-backend-wasm's own kernel: it exists and
 * agrees with cpu, NaN and Inf included (wasmConvGrad.test.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { repairNonFinite } from './wasmConvGradExact';

type Info = tf.TensorInfo;
type Attrs = tf.Conv2DBackpropFilterAttrs & { dilations?: number | [number, number] };

/** Another wasm kernel, called directly: its output is ours to dispose, the engine never sees it. */
function call(name: string, backend: BackendWasm, inputs: Record<string, Info>, attrs: tf.NamedAttrMap): Info {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`tfjs-backend-wasm has no ${name} kernel`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as Info;
}

/** Throws, naming the attribute, for what this kernel does not do (there is nothing to fall back to on wasm). */
function refuseUnsupported(x: Info, dy: Info, a: Attrs): void {
  const why = (what: string): never => {
    throw new Error(`Conv2DBackpropFilter on wasm: ${what} is not supported`);
  };
  if (a.dataFormat !== 'NHWC') why(`dataFormat ${String(a.dataFormat)} (only NHWC)`);
  if (a.pad !== 'same' && a.pad !== 'valid') why(`pad ${JSON.stringify(a.pad)} (only 'same' and 'valid')`);
  const d = a.dilations ?? 1;
  if ((Array.isArray(d) ? d : [d]).some((v) => v !== 1)) why(`dilations ${JSON.stringify(d)} (only 1)`);
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') why(`dtype ${x.dtype}/${dy.dtype} (only float32)`);
}

function conv2DBackpropFilter(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): Info {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as { x: Info; dy: Info };
  const a = args.attrs as unknown as Attrs;
  refuseUnsupported(x, dy, a);
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
  const { top, bottom, left, right } = info.padInfo;
  const temps: Info[] = [];
  const temp = (t: Info): Info => {
    temps.push(t);
    return t;
  };
  try {
    const padded =
      top + bottom + left + right > 0
        ? temp(
            call(
              'PadV2',
              backend,
              { x },
              {
                paddings: [
                  [0, 0],
                  [top, bottom],
                  [left, right],
                  [0, 0],
                ],
                constantValue: 0,
              },
            ),
          )
        : x;
    const input = temp(call('Transpose', backend, { x: padded }, { perm: [3, 1, 2, 0] }));
    const filter = temp(call('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] }));
    const convAttrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: [info.strideHeight, info.strideWidth] };
    let o = temp(call('Conv2D', backend, { x: input, filter }, convAttrs));
    const { filterHeight: kh, filterWidth: kw, inChannels: cin, outChannels: cout } = info;
    if (o.shape[1] !== kh || o.shape[2] !== kw) o = temp(call('Slice', backend, { x: o }, { begin: [0, 0, 0, 0], size: [cin, kh, kw, cout] }));
    const dw = call('Transpose', backend, { x: o }, { perm: [1, 2, 0, 3] });
    try {
      repairNonFinite(backend, x, dy, dw, info);
    } catch (e) {
      backend.disposeData(dw.dataId);
      throw e;
    }
    return dw;
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** Register the convolution weight gradient on wasm; calling it again does nothing. */
export function registerWasmConvGradients(): void {
  if (tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) return;
  tf.registerKernel({ kernelName: tf.Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: conv2DBackpropFilter });
}
