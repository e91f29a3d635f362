/**
 * The NaN sentinel: watches every quantity of a step in computation order, cheaply or fully.
 *
 * Fast mode (every step) adds almost nothing to what a step computes anyway for its record: every
 * forward and loss quantity already has its max |x| reduced on device (for activationMax and the
 * overflow warnings), and every gradient and updated parameter its sum of squares (for the norm
 * charts). Those reductions propagate NaN and ±Inf (tfjs's WebGL and WebGPU max kernels test isnan
 * explicitly; a sum of squares is non-negative, so it can only turn NaN or +Inf), so the fast flag
 * is "any of them non-finite". A first moment (Adam's m, the momentum buffer) shows in its
 * parameter's new value, which is proportional to it; second moments are checked when due
 * (optimizers.ts `moment`, trainer.ts secondMomentsDue). Only what nothing covers (those second
 * moments, the clip norm, a custom backward's gradient, an input batch not known finite) is
 * flattened and summed, all together: one sum, NaN or ±Inf if any element is. All of it travels
 * in the step's single readback.
 * A sum of squares can overflow on finite values (|x| above ~1e19): the flag is then a false alarm,
 * which the trainer's replay finds clean; the run then switches to strict mode, which counts
 * non-finite elements exactly with isFinite over all watched tensors (a few programs per watched
 * tensor; isFinite is exact on cpu, webgl and webgpu per docs/BACKENDS.md, and on cpu and wasm the
 * checks scan values in JS anyway).
 * Full mode (the replay, or every step): per quantity the NaN, +Inf and −Inf counts and the max |x|
 * over its finite elements, still one readback per step; it attributes the first quantity after a flag.
 * In every mode, forward and loss quantities report max |x| computed identically, so records do
 * not depend on the mode; 'off' computes only these.
 * The watch's section of the readback (after the fields of stepLayout.ts) is a head that depends on
 * the mode (strict: 1 count; fast: 0 or 1 sum; full: 4 stats per quantity; off: nothing), then one
 * max |x| per forward and loss quantity.
 *
 * On cpu and wasm (`host`), tensors already live in JS/wasm memory: dataSync is a view or a small
 * copy with no device round trip, and each tfjs op costs ~10 µs of dispatch, so the same checks are
 * done by scanning the values in JS instead of launching kernels. The numbers are the same.
 * On a GPU backend with a small model (`gathered`), each check kernel costs more than the values
 * it reduces (≈ 0.05 ms a program on webgl): the watched tensors are flattened into the step's
 * single readback instead and scanned in JS after it, by the same code as on the host.
 */
import * as tf from '@tensorflow/tfjs';
import type { NonFiniteCounts, NonFiniteKind, NonFiniteQuantity, NonFiniteReport, Phase } from './records';
import { valuesOf, type Slice } from './stepLayout';

/**
 * The trainer's `sentinel` option. Each step is then watched in a WatchMode of the same name, except
 * that a fast run can change how its steps are watched:
 *
 * | option | each step | after a flag |
 * |---|---|---|
 * | fast | fast; strict for the rest of the run once a fast flag was a false alarm | replay from a snapshot in full |
 * | full | full | none needed: the flagged step already names the quantity |
 * | off | off: only the forward and loss maxima that records and warnings need | none |
 */
export type SentinelMode = 'fast' | 'full' | 'off';

/** How one step is watched (see the file comment): a sentinel mode, or strict (exact counts, after a false alarm). */
export type WatchMode = SentinelMode | 'strict';

/** Values per quantity in full mode: NaN count, +Inf count, −Inf count, finite max |x|. */
const FULL_STATS = 4;

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

/** What `parse` returns: the fast or strict count (or null), full per-quantity stats, forward/loss max |x| by name. */
export interface WatchResult {
  /**
   * fast: how many of the uncovered sum and forward maxima are non-finite (the caller adds the
   * record's sums of squares); strict: how many watched elements are non-finite; else null.
   */
  nonFinite: number | null;
  quantities: QuantityStats[];
  forwardMaxAbs: Map<string, number>;
}

/**
 * Where a watch checks values: kernels on the device, JS on values read as they are made (cpu,
 * wasm), or JS on values that travel whole in the step's readback (a small model on a GPU).
 */
export type CheckPlace = 'device' | 'host' | 'gathered';

/** A watched tensor whose values come with the readback (gathered checks). */
interface Pending {
  quantity: string;
  phase: Phase;
  /** The tensor watched (kept: a copy of the handle, never the variable itself), and its data: a tensor watched twice is read once. */
  flat: tf.Tensor;
  data: object;
}

/** The phases whose max |x| every record carries (activationMax, the growth warnings), checked or not. */
const isForward = (phase: Phase): boolean => phase === 'forward' || phase === 'loss';

/** Collects the watched quantities of one step as kept tensors (all disposed by `dispose`). */
export class StepWatch {
  readonly entries: Entry[] = [];
  private readonly stats: tf.Tensor[] = [];
  private readonly flat: tf.Tensor[] = [];
  /** fast mode: the flattened quantities nothing else covers. */
  private readonly extra: tf.Tensor[] = [];
  /** max |x| of each forward quantity; `abs`: a one-element quantity is read back as it is, and |x| taken after. */
  private readonly forward: { quantity: string; max: tf.Tensor; abs: boolean }[] = [];
  private readonly host: { bad: number; quantities: QuantityStats[]; forward: Map<string, number> } = { bad: 0, quantities: [], forward: new Map() };
  /** gathered: the tensors to scan once the readback is in, in watch order; null once scanned. */
  private pending: Pending[] | null = [];

  /**
   * `skipData`: fast and strict modes may skip the input batch when the uploaded data set is known finite.
   * `place`: where values are checked (CheckPlace).
   */
  constructor(
    readonly mode: WatchMode,
    private readonly skipData = false,
    private readonly place: CheckPlace = 'device',
  ) {}

  private get onHost(): boolean {
    return this.place !== 'device';
  }

  /** Whether a quantity of `phase` goes unchecked: everything with the sentinel off, the data once known finite. */
  private unchecked(phase: Phase): boolean {
    return this.mode === 'off' || (this.mode !== 'full' && phase === 'data' && this.skipData);
  }

  /** Whether the JS checks read this quantity at all: read nothing that nothing needs (on wasm dataSync copies out of the heap). */
  private needsValues(phase: Phase, covered: boolean): boolean {
    if (this.mode === 'fast' && covered) return false;
    return isForward(phase) || !this.unchecked(phase);
  }

  private watchOnHost(quantity: string, phase: Phase, read: () => ArrayLike<number>, covered: boolean): void {
    if (this.needsValues(phase, covered)) this.scan(quantity, phase, read());
  }

  /** The JS checks of one quantity's values (host and gathered). */
  private scan(quantity: string, phase: Phase, v: ArrayLike<number>): void {
    const forward = isForward(phase);
    const max = forward ? maxAbsOf(v) : 0;
    if (forward) this.host.forward.set(quantity, max);
    if (this.unchecked(phase)) return;
    if (this.mode === 'fast') {
      if (!Number.isFinite(forward ? max : maxAbsOf(v))) this.host.bad += 1;
      return;
    }
    const { nan, posInf, negInf, finiteMax, bad } = countsOf(v);
    if (this.mode === 'strict') this.host.bad += bad;
    else this.host.quantities.push({ quantity, phase, size: v.length, counts: { nan, posInf, negInf }, maxAbs: finiteMax });
  }

  /**
   * Record a quantity; safe inside tidy, variableGrads and custom backward functions (results are kept).
   * `covered`: a non-finite value here always shows in a number the step reads back anyway (a
   * gradient's or an updated parameter's sum of squares, a first moment through its parameter, a
   * float32 second moment between snapshot steps), so the fast flag needs no check of its own.
   */
  readonly watch = (quantity: string, phase: Phase, t: tf.Tensor, covered = false): void => {
    if (this.place === 'host') return this.watchOnHost(quantity, phase, () => t.dataSync(), covered);
    if (this.place === 'gathered') {
      if (this.needsValues(phase, covered)) this.pendingList().push({ quantity, phase, flat: tf.keep(tf.clone(t)), data: t.dataId });
      return;
    }
    const forward = isForward(phase);
    if (forward) {
      // max |x| of one element is |x| exactly (NaN stays NaN): two kernels fewer for the loss, on webgl 0.2 ms a step.
      const one = t.size === 1;
      this.forward.push({ quantity, abs: one, max: tf.keep(one ? tf.reshape(t, []) : tf.tidy(() => tf.max(tf.abs(t)))) });
    }
    if (this.unchecked(phase)) return; // sentinel off: records only (activationMax and warnings still need the maxima)
    if (this.mode === 'fast') {
      // What no other reduction covers is summed once, all together, in collect().
      if (!forward && !covered) this.extra.push(tf.keep(tf.reshape(t, [-1])));
      return;
    }
    if (this.mode === 'strict') {
      this.flat.push(tf.keep(tf.reshape(t, [-1])));
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

  /** `watch` on values that are already JS arrays (the dense path, dense/): a host watch only, the same checks. */
  watchValues(quantity: string, phase: Phase, values: ArrayLike<number>, covered = false): void {
    if (this.place !== 'host') throw new Error('watchValues needs a host watch');
    this.watchOnHost(quantity, phase, () => values, covered);
  }

  private pendingList(): Pending[] {
    if (!this.pending) throw new Error('this step was already scanned');
    return this.pending;
  }

  /** gathered: the watched tensors, in watch order, for the readback (stepMath.ts Gathering). */
  gathered(): readonly { flat: tf.Tensor; data: object }[] {
    return this.pendingList();
  }

  /** gathered: run the JS checks on the readback, where `slices` (one per `gathered` tensor) say each one's values lie. Once per step. */
  scanGathered(v: ArrayLike<number>, slices: readonly Slice[]): void {
    const pending = this.pendingList();
    if (slices.length !== pending.length) throw new Error(`${slices.length} slices for ${pending.length} watched tensors`);
    pending.forEach((p, k) => this.scan(p.quantity, p.phase, valuesOf(v, slices[k]!)));
    tf.dispose(this.pendingList().map((p) => p.flat));
    this.pending = null;
  }

  /** How many values the mode puts before the forward maxima (see the file comment). */
  private headLength(): number {
    switch (this.mode) {
      case 'strict':
        return 1;
      case 'fast':
        return this.extra.length > 0 ? 1 : 0;
      case 'full':
        return FULL_STATS * this.stats.length;
      case 'off':
        return 0;
    }
  }

  /** How many values `collect` returns: this watch's section of the readback (0 on the host). */
  get length(): number {
    return this.onHost ? 0 : this.headLength() + this.forward.length;
  }

  /** One 1-D tensor: [head (strict count | sum of the uncovered | stats per quantity), forward max |x|…]. Caller disposes. */
  collect(): tf.Tensor1D | null {
    if (this.onHost || (this.mode === 'off' && this.forward.length === 0)) return null;
    return tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      if (this.mode === 'strict') {
        const all = this.flat.length > 0 ? tf.concat(this.flat) : tf.zeros([0]);
        parts.push(tf.reshape(tf.sum(tf.cast(tf.logicalNot(tf.isFinite(all)), 'float32')), [1]));
      }
      if (this.mode === 'fast' && this.extra.length > 0) parts.push(tf.reshape(tf.sum(tf.concat(this.extra)), [1]));
      if (this.mode === 'full' && this.stats.length > 0) parts.push(tf.concat(this.stats));
      if (this.forward.length > 0) parts.push(tf.stack(this.forward.map((f) => f.max)));
      return (parts.length > 0 ? tf.concat(parts) : tf.zeros([0])) as tf.Tensor1D;
    });
  }

  /** Read this watch's section of the readback, which starts at `start` (the layout's watchStart). */
  parse(v: ArrayLike<number>, start: number): WatchResult {
    if (this.place === 'gathered' && this.pending) throw new Error('a gathered watch is parsed after scanGathered');
    if (this.onHost) {
      const counted = this.mode === 'fast' || this.mode === 'strict';
      return { nonFinite: counted ? this.host.bad : null, quantities: this.host.quantities, forwardMaxAbs: this.host.forward };
    }
    const forwardAt = start + this.headLength();
    const forwardMaxAbs = new Map(this.forward.map((f, k) => [f.quantity, f.abs ? Math.abs(v[forwardAt + k]!) : v[forwardAt + k]!]));
    switch (this.mode) {
      case 'strict':
        return { nonFinite: v[start]!, quantities: [], forwardMaxAbs };
      case 'fast': {
        let bad = this.extra.length > 0 && !Number.isFinite(v[start]!) ? 1 : 0;
        for (const m of forwardMaxAbs.values()) if (!Number.isFinite(m)) bad++;
        return { nonFinite: bad, quantities: [], forwardMaxAbs };
      }
      case 'full': {
        const quantities = this.entries.map((e, k): QuantityStats => {
          const o = start + FULL_STATS * k;
          return { ...e, counts: { nan: v[o]!, posInf: v[o + 1]!, negInf: v[o + 2]! }, maxAbs: v[o + 3]! };
        });
        return { nonFinite: null, quantities, forwardMaxAbs };
      }
      case 'off':
        return { nonFinite: null, quantities: [], forwardMaxAbs };
    }
  }

  dispose(): void {
    tf.dispose([...this.stats, ...this.flat, ...this.extra, ...this.forward.map((f) => f.max), ...(this.pending ?? []).map((p) => p.flat)]);
    if (this.pending) this.pending.length = 0;
    this.stats.length = 0;
    this.flat.length = 0;
    this.extra.length = 0;
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

/**
 * Used only if a replay does not reproduce a strict flag (a backend that is not deterministic): the
 * step is known, the quantity is not; the run still pauses instead of replaying on every step.
 */
export function fastOnlyReport(step: number, ctx: { backend: string; precision: string; growth: NonFiniteReport['growth'] }): NonFiniteReport {
  return {
    quantity: 'unknown (the replay did not reproduce the flag)',
    phase: 'data',
    kind: 'NaN',
    counts: { nan: 0, posInf: 0, negInf: 0 },
    size: 0,
    step,
    lastFiniteMaxAbs: null,
    cascade: [],
    backend: ctx.backend,
    precision: ctx.precision,
    growth: ctx.growth,
  };
}
