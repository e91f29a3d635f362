/**
 * Choosing and initialising a tfjs backend. tfjs's own setBackend returns false without throwing
 * when a backend fails and then quietly runs on another one, so every choice here is checked and
 * the backend actually active is reported together with the reason for any fallback.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import ranking from './backendRanking.json';
import { measureQuirks, type Quirk } from './backendQuirks';
import { registerCpuKernels } from './kernels/cpuKernels';
import { registerWasmKernels } from './kernels/wasmKernels';
import type { BackendName, BackendRequest, ModelKind } from './scenario';

export interface BackendStatus {
  requested: BackendRequest;
  active: BackendName;
  /** Why the active backend differs from the request, or why auto picked it. */
  reason: string | null;
  /** Edge cases where this backend's arithmetic differs from IEEE float32, measured at start. */
  quirks: Quirk[];
  /**
   * The FLOP/s the cost model takes for a step here, where the device says more than the backend's name
   * (a software GPU: backendLimits.ts); absent: STEP_FLOPS_PER_SECOND of the backend.
   */
  flopsPerSecond?: number;
}

export interface BackendOptions {
  /** URLs of the wasm binaries, served by the app itself (the browser build passes Vite `?url` imports). */
  wasmPaths?: Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;
  /** U-Net image size, so "auto" can use the ranking measured for the nearest reference size. */
  imageSize?: number;
}

type Ranked = { backend: string; stepsPerSecond: number }[];
const ORDER = ranking.order as Record<string, Record<string, Ranked> | undefined>;
const ALL: BackendName[] = ['cpu', 'wasm', 'webgl', 'webgpu'];

/** The benchmark's reference model closest to a scenario's model (see src/lab/referenceModels.ts). */
export function referenceModelFor(model: ModelKind, imageSize = 32): string {
  if (model === 'unet') return imageSize <= 48 ? 'unet32' : 'unet64';
  return model === 'mlp' || model === 'autoencoder' ? 'autoencoder' : 'linear';
}

function environment(): 'browser' | 'node' {
  const g = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return g.document !== undefined || g.WorkerGlobalScope !== undefined ? 'browser' : 'node';
}

/**
 * Backends in the order "auto" tries them: fastest first as measured by `npm run bench` for the
 * nearest reference model (src/engine/backendRanking.json), then any not measured. Per-op overhead
 * dominates these small models, so the measured order beats a rule like "GPU is faster".
 */
export function autoOrderFor(model: ModelKind, imageSize = 32, env = environment()): { order: BackendName[]; measured: Ranked } {
  const measured = ORDER[env]?.[referenceModelFor(model, imageSize)] ?? [];
  const first = measured.map((m) => m.backend).filter((b): b is BackendName => (ALL as string[]).includes(b));
  // Unmeasured U-Net: the GPUs first, then wasm, which trains it far faster than cpu (docs/BACKENDS.md).
  const fallback: BackendName[] = model === 'unet' ? ['webgl', 'webgpu', 'wasm', 'cpu'] : ['cpu', 'wasm', 'webgl', 'webgpu'];
  return { order: [...first, ...fallback.filter((b) => !first.includes(b))], measured };
}

function autoReason(name: BackendName, model: ModelKind, measured: Ranked): string {
  const mine = measured.find((m) => m.backend === name);
  if (!mine) return `auto chose ${name} for the ${model} model (no benchmark figure for it here)`;
  const others = measured.filter((m) => m.backend !== name).map((m) => `${m.backend} ${m.stepsPerSecond}`);
  return `auto chose ${name} for the ${model} model: ${mine.stepsPerSecond} steps/s in the benchmark${others.length ? ` (${others.join(', ')})` : ''}`;
}

/** Why a backend cannot start here, checked before asking tfjs (which would fail quietly). */
export function unavailableReason(name: BackendName): string | null {
  const g = globalThis as { navigator?: { gpu?: unknown }; OffscreenCanvas?: unknown; document?: unknown };
  if (name === 'webgpu' && !g.navigator?.gpu) return 'WebGPU is not available here (no navigator.gpu)';
  if (name === 'webgl' && typeof g.OffscreenCanvas === 'undefined' && typeof g.document === 'undefined') {
    return 'WebGL needs a canvas (OffscreenCanvas or a document), and there is none here';
  }
  return null;
}

let wasmConfigured = false;

async function trySet(name: BackendName, options: BackendOptions): Promise<string | null> {
  const why = unavailableReason(name);
  if (why) return why;
  if (name === 'wasm' && !wasmConfigured) {
    // The threaded wasm build hangs when the page is cross-origin isolated; one thread is enough here.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (options.wasmPaths) setWasmPaths(options.wasmPaths);
    // tfjs-backend-wasm has no convolution weight gradient and a wrong max-pool gradient: ours let the U-Net train.
    registerWasmKernels();
    wasmConfigured = true;
  }
  // Our cpu convolution kernels give the stock ones' bits many times faster (kernels/cpuKernels.ts).
  if (name === 'cpu') registerCpuKernels();
  // tfjs runs small ops whose inputs still sit on the CPU with its cpu kernels ("CPU forwarding").
  // The NaN semantics of the two differ (docs/BACKENDS.md), so a step from freshly uploaded data and the
  // same step replayed from an on-device snapshot could disagree. Every op runs on the GPU instead.
  if (name === 'webgl') tf.env().set('WEBGL_CPU_FORWARD', false);
  if (name === 'webgpu') tf.env().set('WEBGPU_CPU_FORWARD', false);
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) return `tfjs could not initialise ${name}`;
    return null;
  } catch (e) {
    return `${name} failed to initialise: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Initialise the requested backend (or pick one for "auto"); never throws, always reports what runs. */
export async function initBackend(requested: BackendRequest, model: ModelKind, options: BackendOptions = {}): Promise<BackendStatus> {
  const auto = autoOrderFor(model, options.imageSize);
  const order = requested === 'auto' ? auto.order : [requested, 'cpu' as const];
  const failures: string[] = [];
  for (const name of order) {
    const failure = await trySet(name, options);
    if (failure === null) {
      const reason =
        requested === 'auto'
          ? [autoReason(name, model, auto.measured), ...failures].join('; ')
          : failures.length > 0
            ? `fell back to ${name}: ${failures.join('; ')}`
            : null;
      return { requested, active: name, reason, quirks: await measureQuirks() };
    }
    failures.push(failure);
  }
  throw new Error(`No tfjs backend could start: ${failures.join('; ')}`);
}
