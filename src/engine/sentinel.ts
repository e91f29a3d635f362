/**
 * The NaN sentinel: watches every quantity of a step in computation order, cheaply or fully.
 *
 * Fast mode (every step): each watched tensor is flattened (a reshape, no copy on cpu) and, once the
 * step is done, all of them are concatenated and counted with ONE isFinite: a handful of ops per
 * step whatever the number of quantities, read back with the loss in the step's single dataSync.
 * isFinite is used because it is correct on all four backends, while max/relu/clip may hide NaN
 * (MEASURED.md). Full mode (replay, brute): per quantity the NaN, +Inf and −Inf counts and the max
 * |x| over its finite elements, still one readback per step. When the fast count trips, the
 * trainer restores an on-device snapshot and replays in full mode to attribute the first quantity.
 * In every mode, forward and loss quantities also report max |x| (activationMax and the overflow
 * warnings), computed identically so records do not depend on the mode; 'off' computes only these.
 *
 * On cpu and wasm (`host`), tensors already live in JS/wasm memory: dataSync is a view or a small
 * copy with no device round trip, and each tfjs op costs ~10 µs of dispatch, so the same checks are
 * done by scanning the values in JS instead of launching kernels. The numbers are the same.
 */
import * as tf from '@tensorflow/tfjs';
import type { NonFiniteCounts, NonFiniteKind, NonFiniteQuantity, NonFiniteReport, Phase } from './records';

export type SentinelMode = 'fast' | 'brute' | 'off';

/** What a fully checked step says about one watched quantity. */
export interface QuantityStats {
  quantity: string;
  phase: Phase;
  size: number;
  /** max |x| over the finite elements. */
  maxAbs: number;
  counts: NonFiniteCounts;
}

interface Entry {
  quantity: string;
  phase: Phase;
  size: number;
}

/** What `parse` returns: the fast count (or null), full per-quantity stats, forward/loss max |x| by name. */
export interface WatchResult {
  nonFinite: number | null;
  quantities: QuantityStats[];
  forwardMaxAbs: Map<string, number>;
}

/** Collects the watched quantities of one step as kept tensors (all disposed by `dispose`). */
export class StepWatch {
  readonly entries: Entry[] = [];
  private readonly stats: tf.Tensor[] = [];
  private readonly flat: tf.Tensor[] = [];
  private readonly forward: { quantity: string; max: tf.Tensor }[] = [];
  private readonly host: { bad: number; quantities: QuantityStats[]; forward: Map<string, number> } = { bad: 0, quantities: [], forward: new Map() };

  /**
   * `skipData`: the fast path may skip the input batch when the uploaded data set is known finite.
   * `onHost`: scan values in JS (cpu, wasm) instead of running check kernels.
   */
  constructor(
    readonly mode: 'fast' | 'full' | 'off',
    private readonly skipData = false,
    private readonly onHost = false,
  ) {}

  private watchOnHost(quantity: string, phase: Phase, t: tf.Tensor): void {
    const v = t.dataSync();
    if (phase === 'forward' || phase === 'loss') this.host.forward.set(quantity, maxAbsOf(v));
    if (this.mode === 'off') return;
    if (this.mode === 'fast') {
      if (!(phase === 'data' && this.skipData)) this.host.bad += countsOf(v).bad;
      return;
    }
    const { nan, posInf, negInf, finiteMax } = countsOf(v);
    this.host.quantities.push({ quantity, phase, size: t.size, counts: { nan, posInf, negInf }, maxAbs: finiteMax });
  }

  /** Record a quantity; safe inside tidy, variableGrads and custom backward functions (results are kept). */
  readonly watch = (quantity: string, phase: Phase, t: tf.Tensor): void => {
    if (this.onHost) return this.watchOnHost(quantity, phase, t);
    if (phase === 'forward' || phase === 'loss') this.forward.push({ quantity, max: tf.keep(tf.tidy(() => tf.max(tf.abs(t)))) });
    if (this.mode === 'off') return; // records only: activationMax and warnings still need the maxima
    if (this.mode === 'fast') {
      if (!(phase === 'data' && this.skipData)) this.flat.push(tf.keep(tf.reshape(t, [-1])));
      return;
    }
    this.entries.push({ quantity, phase, size: t.size });
    const s = tf.tidy(() => {
      const count = (b: tf.Tensor): tf.Tensor => tf.sum(tf.cast(b, 'float32'));
      const finiteMax = tf.max(tf.where(tf.isFinite(t), tf.abs(t), tf.zerosLike(t)));
      return tf.stack([count(tf.isNaN(t)), count(tf.equal(t, Infinity)), count(tf.equal(t, -Infinity)), finiteMax]);
    });
    this.stats.push(tf.keep(s));
  };

  /** One 1-D tensor: [non-finite count (fast) | 4 stats per quantity (full)…, forward max |x|…]. Caller disposes. */
  collect(): tf.Tensor1D | null {
    if (this.onHost || (this.mode === 'off' && this.forward.length === 0)) return null;
    return tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      if (this.mode === 'fast') {
        const all = this.flat.length > 0 ? tf.concat(this.flat) : tf.zeros([0]);
        parts.push(tf.reshape(tf.sum(tf.cast(tf.logicalNot(tf.isFinite(all)), 'float32')), [1]));
      }
      if (this.mode === 'full' && this.stats.length > 0) parts.push(tf.concat(this.stats));
      if (this.forward.length > 0) parts.push(tf.stack(this.forward.map((f) => f.max)));
      return (parts.length > 0 ? tf.concat(parts) : tf.zeros([0])) as tf.Tensor1D;
    });
  }

  /** Parse this watch's part of the readback, starting at `offset`. */
  parse(v: ArrayLike<number>, offset: number): WatchResult {
    if (this.onHost) {
      return { nonFinite: this.mode === 'fast' ? this.host.bad : null, quantities: this.host.quantities, forwardMaxAbs: this.host.forward };
    }
    let o = offset;
    let nonFinite: number | null = null;
    const quantities: QuantityStats[] = [];
    if (this.mode === 'fast') nonFinite = v[o++]!;
    if (this.mode === 'full') {
      for (const e of this.entries) {
        quantities.push({ ...e, counts: { nan: v[o]!, posInf: v[o + 1]!, negInf: v[o + 2]! }, maxAbs: v[o + 3]! });
        o += 4;
      }
    }
    const forwardMaxAbs = new Map(this.forward.map((f, i) => [f.quantity, v[o + i]!]));
    return { nonFinite, quantities, forwardMaxAbs };
  }

  dispose(): void {
    tf.dispose([...this.stats, ...this.flat, ...this.forward.map((f) => f.max)]);
    this.stats.length = 0;
    this.flat.length = 0;
    this.forward.length = 0;
  }
}

/** max |x| of an array: NaN if any NaN (as a NaN-propagating max would), else the largest magnitude. */
function maxAbsOf(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]!);
    if (Number.isNaN(a)) return NaN;
    if (a > m) m = a;
  }
  return m;
}

/** NaN / ±Inf counts and the max |x| of the finite elements. */
function countsOf(v: ArrayLike<number>): { nan: number; posInf: number; negInf: number; finiteMax: number; bad: number } {
  let nan = 0;
  let posInf = 0;
  let negInf = 0;
  let finiteMax = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) nan++;
    else if (x === Infinity) posInf++;
    else if (x === -Infinity) negInf++;
    else if (Math.abs(x) > finiteMax) finiteMax = Math.abs(x);
  }
  return { nan, posInf, negInf, finiteMax, bad: nan + posInf + negInf };
}

/** NaN if any NaN, otherwise the sign of the majority of the infinities. */
export function dominantKind(c: NonFiniteCounts): NonFiniteKind {
  if (c.nan > 0) return 'NaN';
  return c.posInf >= c.negInf ? '+Inf' : '-Inf';
}

/** The non-finite quantities of a fully checked step, in computation order. */
export function nonFiniteQuantities(stats: QuantityStats[]): NonFiniteQuantity[] {
  return stats
    .filter((q) => q.counts.nan + q.counts.posInf + q.counts.negInf > 0)
    .map((q) => ({ quantity: q.quantity, phase: q.phase, kind: dominantKind(q.counts), counts: q.counts, size: q.size }));
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
