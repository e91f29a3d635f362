/**
 * Choosing and initialising a tfjs backend. tfjs's own setBackend returns false without throwing
 * when a backend fails and then quietly runs on another one, so every choice here is checked and
 * the backend actually active is reported together with the reason for any fallback.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName, BackendRequest, ModelKind } from './scenario';

export interface BackendStatus {
  requested: BackendRequest;
  active: BackendName;
  /** Why the active backend differs from the request, or why auto picked it. */
  reason: string | null;
}

export interface BackendOptions {
  /** URLs of the wasm binaries, served by the app itself (the browser build passes Vite `?url` imports). */
  wasmPaths?: Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;
  /** Per-model preference measured by calibration or the bench table; overrides the built-in order. */
  autoOrder?: BackendName[];
}

/** Backends in the order "auto" tries them for a model; dense models run fastest on cpu (MEASURED.md). */
export function autoOrderFor(model: ModelKind): BackendName[] {
  return model === 'unet' ? ['webgl', 'webgpu', 'wasm', 'cpu'] : ['cpu', 'wasm', 'webgl', 'webgpu'];
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
    wasmConfigured = true;
  }
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
  const order = requested === 'auto' ? (options.autoOrder ?? autoOrderFor(model)) : [requested, 'cpu' as const];
  const failures: string[] = [];
  for (const name of order) {
    if (name === 'wasm' && model === 'unet') {
      failures.push('wasm cannot train the U-Net (tfjs-backend-wasm has no Conv2DBackpropFilter kernel)');
      continue;
    }
    const failure = await trySet(name, options);
    if (failure === null) {
      const reason =
        requested === 'auto'
          ? [`auto chose ${name} for the ${model} model`, ...failures].join('; ')
          : failures.length > 0
            ? `fell back to ${name}: ${failures.join('; ')}`
            : null;
      return { requested, active: name, reason };
    }
    failures.push(failure);
  }
  throw new Error(`No tfjs backend could start: ${failures.join('; ')}`);
}

/** The backend tfjs is running on now. */
export function activeBackend(): string {
  return tf.getBackend();
}
