/**
 * Our kernels in tfjs's registry for the wasm backend: the U-Net's backward pass needs one that
 * tfjs-backend-wasm 4.22 lacks and one it gets wrong (docs/BACKENDS.md).
 *
 * | kernel | tfjs-backend-wasm | ours |
 * |---|---|---|
 * | Conv2DBackpropFilter | missing | wasmConvGrad.ts: its own XNNPACK Conv2D, NaN and Inf as on cpu |
 * | MaxPoolGrad | misroutes the gradient of a window whose values are all ≤ 0 | wasmMaxPoolGrad.ts: as on cpu |
 * | Conv2DBackpropInput | present, agrees with cpu | – |
 */
import { registerWasmConvGradients } from './wasmConvGrad';
import { registerWasmMaxPoolGrad } from './wasmMaxPoolGrad';

/** Register our wasm kernels; the registry is global and keyed by backend name, and calling it again does nothing. */
export function registerWasmKernels(): void {
  registerWasmConvGradients();
  registerWasmMaxPoolGrad();
}
