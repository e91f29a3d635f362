/**
 * The NaN sentinel: watches every quantity of a step in computation order, cheaply or fully.
 *
 * Fast mode (every step): per quantity one max|x| (for records and warnings) and one running count
 * of non-finite elements, all read back with the loss in a single dataSync. isFinite is used for the
 * count because it is correct on all four backends, while max/relu/clip may hide NaN (MEASURED.md).
 * Full mode (replay, brute): per quantity the NaN, +Inf and −Inf counts and the max |x| over the
 * finite elements, still in one readback per step. When the fast count trips, the trainer restores
 * its last on-device snapshot and replays in full mode to attribute the first non-finite quantity.
 */
import * as tf from '@tensorflow/tfjs';
import type { NonFiniteCounts, NonFiniteKind, NonFiniteQuantity, NonFiniteReport, Phase } from './records';

export type SentinelMode = 'fast' | 'brute' | 'off';

/** 2^-100: finite float32 values times this sum to at most ~2.7e8 per element, far from overflow. */
const PROBE_SCALE = 2 ** -100;

/** What one step's readback says about one watched quantity. */
export interface QuantityStats {
  quantity: string;
  phase: Phase;
  size: number;
  /** max |x| (fast: over all elements, may be NaN/Inf; full: over the finite elements only). */
  maxAbs: number;
  /** Full mode only. */
  counts: NonFiniteCounts | null;
}

interface Entry {
  quantity: string;
  phase: Phase;
  size: number;
}

/** Collects the watched quantities of one step as small kept tensors (disposed by `dispose`). */
export class StepWatch {
  readonly entries: Entry[] = [];
  private readonly stats: tf.Tensor[] = [];
  private readonly probes: tf.Tensor[] = [];

  constructor(
    readonly mode: 'fast' | 'full' | 'off',
  ) {}

  /** Record a quantity; safe inside tidy, variableGrads and custom backward functions (results are kept). */
  readonly watch = (quantity: string, phase: Phase, t: tf.Tensor): void => {
    if (this.mode === 'off') return;
    this.entries.push({ quantity, phase, size: t.size });
    if (this.mode === 'full') {
      const s = tf.tidy(() => {
        const count = (b: tf.Tensor): tf.Tensor => tf.sum(tf.cast(b, 'float32'));
        const finiteMax = tf.max(tf.where(tf.isFinite(t), tf.abs(t), tf.zerosLike(t)));
        return tf.stack([count(tf.isNaN(t)), count(tf.equal(t, Infinity)), count(tf.equal(t, -Infinity)), finiteMax]);
      });
      this.stats.push(tf.keep(s));
      return;
    }
    // Fast path, 4 ops per quantity: max|x| for the record, and sum(x·2^-100), which is non-finite
    // iff x holds NaN or ±Inf: IEEE products and sums propagate both (the ops MEASURED.md caught
    // hiding NaN are max/relu/clip-like, not these), and the scaling keeps sums of finite float32
    // values from overflowing. One isFinite over all these sums, in collect(), makes the step's flag.
    const [maxAbs, probe] = tf.tidy(() => [tf.max(tf.abs(t)), tf.sum(tf.mul(t, PROBE_SCALE))]);
    this.stats.push(tf.keep(maxAbs!));
    this.probes.push(tf.keep(probe!));
  };

  /** One 1-D tensor: [non-finite count (fast only), stats…]. The caller disposes it. */
  collect(): tf.Tensor1D {
    return tf.tidy(() => {
      if (this.mode === 'off' || this.stats.length === 0) return tf.zeros([this.mode === 'fast' ? 1 : 0]) as tf.Tensor1D;
      if (this.mode === 'full') return tf.concat(this.stats) as tf.Tensor1D;
      const flag = tf.sum(tf.cast(tf.logicalNot(tf.isFinite(tf.stack(this.probes))), 'float32'));
      return tf.stack([flag, ...this.stats]) as tf.Tensor1D;
    }) as tf.Tensor1D;
  }

  /** How many numbers `collect` returns. */
  get width(): number {
    if (this.mode === 'off') return 0;
    return this.mode === 'fast' ? 1 + this.entries.length : 4 * this.entries.length;
  }

  /** Parse this watch's part of the readback: the fast non-finite count (or null) and per-quantity stats. */
  parse(v: ArrayLike<number>, offset: number): { nonFinite: number | null; quantities: QuantityStats[] } {
    if (this.mode === 'off') return { nonFinite: null, quantities: [] };
    if (this.mode === 'fast') {
      return {
        nonFinite: v[offset]!,
        quantities: this.entries.map((e, i) => ({ ...e, maxAbs: v[offset + 1 + i]!, counts: null })),
      };
    }
    return {
      nonFinite: null,
      quantities: this.entries.map((e, i) => {
        const o = offset + 4 * i;
        return { ...e, counts: { nan: v[o]!, posInf: v[o + 1]!, negInf: v[o + 2]! }, maxAbs: v[o + 3]! };
      }),
    };
  }

  dispose(): void {
    tf.dispose(this.stats);
    this.stats.length = 0;
    tf.dispose(this.probes);
    this.probes.length = 0;
  }
}

/** NaN if any NaN, otherwise the sign of the majority of the infinities. */
export function dominantKind(c: NonFiniteCounts): NonFiniteKind {
  if (c.nan > 0) return 'NaN';
  return c.posInf >= c.negInf ? '+Inf' : '-Inf';
}

/** The non-finite quantities of a fully checked step, in computation order. */
export function nonFiniteQuantities(stats: QuantityStats[]): NonFiniteQuantity[] {
  return stats
    .filter((q) => q.counts !== null && q.counts.nan + q.counts.posInf + q.counts.negInf > 0)
    .map((q) => ({ quantity: q.quantity, phase: q.phase, kind: dominantKind(q.counts!), counts: q.counts!, size: q.size }));
}

export interface ReportContext {
  step: number;
  previousMaxAbs: ReadonlyMap<string, number>;
  backend: string;
  precision: string;
  growth: { quantity: string; values: number[] }[];
}

/** The verdict for a fully checked step, or null if every quantity was finite. */
export function buildReport(stats: QuantityStats[], ctx: ReportContext): NonFiniteReport | null {
  const bad = nonFiniteQuantities(stats);
  const first = bad[0];
  if (!first) return null;
  const prev = ctx.previousMaxAbs.get(first.quantity);
  return {
    ...first,
    step: ctx.step,
    lastFiniteMaxAbs: prev !== undefined && Number.isFinite(prev) ? prev : null,
    cascade: bad.slice(1),
    backend: ctx.backend,
    precision: ctx.precision,
    growth: ctx.growth,
  };
}
