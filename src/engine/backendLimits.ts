/**
 * What a backend cannot do however much memory the machine has, from the scenario alone: WebGL's
 * largest texture, wasm's single heap, WebGPU's largest storage buffer, and a step so slow that a
 * run looks hung. Each limit is a ratio (need / allowed, over 1 = refused) so the budget search can
 * lower the fields that drive it; each problem reads as one sentence naming the field to lower.
 */
import { costOf, type Cost } from './cost';
import { planStep, elementsOf, type PlannedTensor } from './costPlan';
import { DRIVER_BY_KEY, driverShares, driversToLower, type CostDriver } from './costDrivers';
import { formatBinaryBytes, formatBytes, formatFlops, formatSeconds, formatShape } from './costText';
import type { BackendName, Scenario } from './scenario';
import { worstTextureSide } from './webglTexture';

export type LimitKind = 'texture' | 'heap' | 'buffer' | 'time';

export interface LimitOptions {
  /** WebGL's MAX_TEXTURE_SIZE (16384 on most desktop GPUs; the app may pass the real one). */
  maxTextureSize: number;
  /** WebGPU's maxStorageBufferBindingSize (the spec's default limit). */
  maxStorageBufferBytes: number;
  /** A step estimated slower than this is refused: the run would look hung. */
  maxStepSeconds: number;
  /** FLOP/s of a training step on this backend, when the caller has measured it (else STEP_FLOPS_PER_SECOND). */
  flopsPerSecond?: number;
}

export const DEFAULT_LIMITS: Readonly<LimitOptions> = { maxTextureSize: 16384, maxStorageBufferBytes: 2 ** 27, maxStepSeconds: 30 };

/** tfjs-backend-wasm's heap: one WebAssembly memory of at most 2^32 bytes (its getHeapMax). */
export const WASM_HEAP_BYTES = 2 ** 32;

/**
 * FLOP/s of a training step (the engine's element-wise ops and checks included). cpu and wasm are
 * measured in Node on this project's 2-core machine (docs/COST.md). The GPU figure is assumed for a
 * hardware GPU: software rendering (SwiftShader) measured 0.5 GFLOP/s here, a discrete GPU does
 * far more, so the app passes a measured figure where it has one.
 */
export const STEP_FLOPS_PER_SECOND: Readonly<Record<BackendName, number>> = { cpu: 1e9, wasm: 4e9, webgl: 20e9, webgpu: 20e9 };

const speedOf = (b: BackendName, o: LimitOptions): number => o.flopsPerSecond ?? STEP_FLOPS_PER_SECOND[b];

export interface LimitProblem {
  limit: LimitKind;
  /** need / allowed: over 1 is over the limit. */
  ratio: number;
  /** What does not fit, without advice: "WebGL keeps each tensor in one texture of at most 16384×16384, and …". */
  reason: string;
  /** The reason and the fields to lower, one line. */
  message: string;
  /** The fields that drive this limit, largest share first. */
  drivers: { key: CostDriver; share: number }[];
}

export interface BackendLimits {
  backend: BackendName;
  options: LimitOptions;
  problems: LimitProblem[];
}

/** One limit: its ratio for a scenario, and its sentence. */
interface Limit {
  kind: LimitKind;
  applies(backend: BackendName): boolean;
  ratio(s: Scenario, cost: Omit<Cost, 'drivers'>, backend: BackendName, o: LimitOptions): number;
  reason(s: Scenario, cost: Omit<Cost, 'drivers'>, backend: BackendName, o: LimitOptions): string;
}

/** Tensors WebGL stores, im2col matrices of its convolutions included, worst texture first. */
function textures(s: Scenario, cost: Omit<Cost, 'drivers'>, max: number): { tensor: PlannedTensor; side: number }[] {
  const all = [...cost.tensors, ...planStep(s).im2col];
  return all.map((tensor) => ({ tensor, side: worstTextureSide(tensor.shape, max) })).sort((a, b) => b.side - a.side);
}

const largestTensor = (cost: Omit<Cost, 'drivers'>): PlannedTensor => cost.tensors[0] ?? { name: 'data/x', shape: [0] };

// In the order problems are told: what crashes a run before what slows it.
const LIMITS: readonly Limit[] = [
  {
    kind: 'texture',
    applies: (b) => b === 'webgl',
    ratio: (s, cost, _b, o) => (textures(s, cost, o.maxTextureSize)[0]?.side ?? 0) / o.maxTextureSize,
    reason: (s, cost, _b, o) => {
      const worst = textures(s, cost, o.maxTextureSize)[0]!;
      const max = o.maxTextureSize;
      return `WebGL keeps each tensor in one texture of at most ${max}×${max}, and ${worst.tensor.name} (${formatShape(worst.tensor.shape)}) needs ${worst.side}×${worst.side}`;
    },
  },
  {
    kind: 'heap',
    applies: (b) => b === 'wasm',
    ratio: (_s, cost) => cost.deviceBytes / WASM_HEAP_BYTES,
    reason: (_s, cost) =>
      `wasm keeps every tensor in one heap of at most ${formatBinaryBytes(WASM_HEAP_BYTES)}, and this run needs ≈ ${formatBytes(cost.deviceBytes)} of tensors`,
  },
  {
    kind: 'buffer',
    applies: (b) => b === 'webgpu',
    ratio: (_s, cost, _b, o) => (elementsOf(largestTensor(cost).shape) * 4) / o.maxStorageBufferBytes,
    reason: (_s, cost, _b, o) => {
      const t = largestTensor(cost);
      return `WebGPU binds each tensor as one buffer of at most ${formatBinaryBytes(o.maxStorageBufferBytes)}, and ${t.name} (${formatShape(t.shape)}) needs ${formatBytes(elementsOf(t.shape) * 4)}`;
    },
  },
  {
    kind: 'time',
    applies: () => true,
    ratio: (_s, cost, b, o) => cost.flopsPerStep / speedOf(b, o) / o.maxStepSeconds,
    reason: (_s, cost, b, o) => {
      const speed = speedOf(b, o);
      const seconds = cost.flopsPerStep / speed;
      return `one step needs ≈ ${formatFlops(cost.flopsPerStep)}, ≈ ${formatSeconds(seconds)} on ${b} at about ${formatFlops(speed)}/s (the limit is ${formatSeconds(o.maxStepSeconds)} a step)`;
    },
  },
];

/** The drivers' labels as advice, in the order they are best lowered: "lower Batch size or Samples". */
export function lowerAdvice(drivers: readonly { key: CostDriver; share: number }[]): string {
  const labels = driversToLower(drivers)
    .slice(0, 2)
    .map((k) => DRIVER_BY_KEY.get(k)!.label);
  return labels.length > 0 ? `lower ${labels.join(' or ')}` : 'no field of the scenario lowers it';
}

/** Every limit's ratio for `s` on `backend` (1 or less fits): what the budget search evaluates. */
export function limitRatios(
  s: Scenario,
  backend: BackendName,
  options: LimitOptions = DEFAULT_LIMITS,
  cost = costOf(s),
): { limit: LimitKind; ratio: number }[] {
  return LIMITS.filter((l) => l.applies(backend)).map((l) => ({ limit: l.kind, ratio: l.ratio(s, cost, backend, options) }));
}

/** What `backend` cannot do for `s`, regardless of memory; an empty problem list when it can. */
export function backendLimits(s: Scenario, backend: BackendName, options: Partial<LimitOptions> = {}): BackendLimits {
  const o: LimitOptions = { ...DEFAULT_LIMITS, ...options };
  const cost = costOf(s);
  const problems: LimitProblem[] = [];
  for (const l of LIMITS) {
    if (!l.applies(backend)) continue;
    const ratio = l.ratio(s, cost, backend, o);
    if (ratio <= 1) continue;
    const drivers = driverShares(s, (t) => l.ratio(t, costOf(t), backend, o));
    const reason = l.reason(s, cost, backend, o);
    problems.push({ limit: l.kind, ratio, reason, message: `${reason}: ${lowerAdvice(drivers)}`, drivers });
  }
  return { backend, options: o, problems };
}
