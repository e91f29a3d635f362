/**
 * Our cpu kernels in tfjs's kernel registry, in place of the stock ones (docs/BACKENDS.md). The
 * registry is global and keyed by backend name, so registering once serves every later
 * tf.setBackend('cpu'); the stock kernels are kept to delegate to and to restore.
 */
import * as tf from '@tensorflow/tfjs';
import { conv2DKernel } from './cpuConv2D';
import { conv2DBackpropFilterKernel, conv2DBackpropInputKernel } from './cpuConvGrad';
import { splitVKernel } from './cpuSplitV';

const REPLACEMENTS: Record<string, (stock: tf.KernelFunc) => tf.KernelFunc> = {
  [tf.Conv2D]: conv2DKernel,
  [tf.Conv2DBackpropFilter]: conv2DBackpropFilterKernel,
  [tf.Conv2DBackpropInput]: conv2DBackpropInputKernel,
  [tf.SplitV]: splitVKernel,
};

/** The stock configs we replaced, by kernel name, and the functions we put in their place. */
const stock = new Map<string, tf.KernelConfig>();
const ours = new Map<string, tf.KernelFunc>();

/** Replace the stock cpu kernels with ours; calling it again changes nothing. */
export function registerCpuKernels(): void {
  for (const [name, make] of Object.entries(REPLACEMENTS)) {
    const current = tf.getKernel(name, 'cpu');
    if (!current || current.kernelFunc === ours.get(name)) continue;
    const fn = make(current.kernelFunc);
    // registerKernel over an existing entry works but warns: take the stock one out first.
    tf.unregisterKernel(name, 'cpu');
    tf.registerKernel({ ...current, kernelFunc: fn });
    stock.set(name, current);
    ours.set(name, fn);
  }
}

/** Put the stock kernels back (tests compare against them). */
export function restoreStockCpuKernels(): void {
  for (const [name, config] of stock) {
    if (tf.getKernel(name, 'cpu')?.kernelFunc !== ours.get(name)) continue;
    tf.unregisterKernel(name, 'cpu');
    tf.registerKernel(config);
  }
}

/** The stock kernel function registered for `name` before ours, or the one registered now. */
export function stockCpuKernel(name: string): tf.KernelFunc {
  const config = stock.get(name) ?? tf.getKernel(name, 'cpu');
  if (!config) throw new Error(`tfjs has no cpu kernel ${name}`);
  return config.kernelFunc;
}

/** The kernel function ours for `name` wraps (null before registerCpuKernels). */
export function ourCpuKernel(name: string): tf.KernelFunc | null {
  return ours.get(name) ?? null;
}
