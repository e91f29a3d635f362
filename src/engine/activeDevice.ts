/**
 * The device behind the active tfjs backend: what it allows (WebGL's largest texture, WebGPU's
 * largest storage buffer, as this GPU reports them, for the budget check; a software GPU's speed),
 * and whether a WebGPU
 * device is still there. tfjs-backend-webgpu does not watch its device: once the browser or driver
 * drops it, every later readback just fails, so the loss is read from `device.lost` here.
 */
import * as tf from '@tensorflow/tfjs';
import type { LimitOptions } from './backendLimits';
import type { BackendName } from './scenario';
import { SOFTWARE_GPU_FLOPS_PER_SECOND, isSoftwareGpu } from './softwareGpu';

/** The part of a GPUDevice used here (the DOM typings may not carry WebGPU). */
interface DeviceLike {
  limits: { maxStorageBufferBindingSize: number };
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

function webgpuDevice(): DeviceLike | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: DeviceLike }).device;
  return device ?? null;
}

/** The WebGL renderer's name, unmasked where the browser allows (null where it does not say). */
function webglRenderer(): string | null {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : null;
}

/** The WebGPU adapter's names as tfjs-backend-webgpu keeps them (its AdapterInfo's fields). */
function webgpuAdapterNames(): string[] {
  const info = (tf.backend() as unknown as { adapterInfo?: { vendor?: unknown; architecture?: unknown } }).adapterInfo;
  return [info?.vendor, info?.architecture].filter((n): n is string => typeof n === 'string');
}

/** The limits of the active backend's device, where it reports them (the defaults apply otherwise). */
export function activeLimits(backend: BackendName): Partial<LimitOptions> {
  if (backend !== tf.getBackend()) return {};
  if (backend === 'webgl') {
    const max = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    return {
      ...(Number.isFinite(max) && max > 0 ? { maxTextureSize: max } : {}),
      ...(isSoftwareGpu(webglRenderer()) ? { flopsPerSecond: SOFTWARE_GPU_FLOPS_PER_SECOND } : {}),
    };
  }
  if (backend !== 'webgpu') return {};
  const size = webgpuDevice()?.limits.maxStorageBufferBindingSize;
  return {
    ...(typeof size === 'number' && size > 0 ? { maxStorageBufferBytes: size } : {}),
    ...(isSoftwareGpu(...webgpuAdapterNames()) ? { flopsPerSecond: SOFTWARE_GPU_FLOPS_PER_SECOND } : {}),
  };
}

const watched = new WeakSet<DeviceLike>();
let lostWhy: string | null = null;

/**
 * Start watching the active WebGPU device (no-op on other backends, or when already watched);
 * deviceLost() says why it went, from then on.
 */
export function watchDevice(): void {
  const device = webgpuDevice();
  if (!device || watched.has(device)) return;
  watched.add(device);
  lostWhy = null;
  void device.lost.then((info) => {
    lostWhy = info.message || info.reason || 'the device was lost';
  });
}

/** Why the watched WebGPU device was lost, or null while it is there (or none is watched). */
export function deviceLost(): string | null {
  return lostWhy;
}

/** Destroy the active WebGPU device, as a driver reset would (a test hook); false when none is active. */
export function loseDevice(): boolean {
  const device = webgpuDevice();
  device?.destroy();
  return device !== null;
}
