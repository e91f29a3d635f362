/**
 * Bounded, incremental downsampling for live charts. A series keeps at most `maxPoints / 2`
 * buckets; each bucket remembers its finite min and max (with their steps) and the first step of
 * each non-finite kind. When the buckets run out, neighbours merge pairwise and the bucket width
 * doubles, so appending is amortised O(1) and reading the points is O(buckets): a frame costs the
 * same at step 1,000 and at step 100,000. Non-finite values never enter the finite points; they
 * come back as markers, so a chart can draw them on a rail instead of breaking its axis.
 */
import { nonFiniteKind, type NonFiniteKind } from '../engine/records';

export interface SeriesPoint {
  step: number;
  value: number;
}

export interface NonFiniteMarker {
  step: number;
  kind: NonFiniteKind;
}

interface Bucket {
  count: number;
  minStep: number;
  min: number;
  maxStep: number;
  max: number;
  nan: number; // first step of each non-finite kind in the bucket, or -1
  posInf: number;
  negInf: number;
}

function emptyBucket(): Bucket {
  return { count: 0, minStep: -1, min: Number.POSITIVE_INFINITY, maxStep: -1, max: Number.NEGATIVE_INFINITY, nan: -1, posInf: -1, negInf: -1 };
}

function firstOf(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

function mergeInto(a: Bucket, b: Bucket): Bucket {
  const out = emptyBucket();
  out.count = a.count + b.count;
  for (const x of [a, b]) {
    if (x.minStep >= 0 && x.min < out.min) {
      out.min = x.min;
      out.minStep = x.minStep;
    }
    if (x.maxStep >= 0 && x.max > out.max) {
      out.max = x.max;
      out.maxStep = x.maxStep;
    }
  }
  out.nan = firstOf(a.nan, b.nan);
  out.posInf = firstOf(a.posInf, b.posInf);
  out.negInf = firstOf(a.negInf, b.negInf);
  return out;
}

export class MinMaxSeries {
  private buckets: Bucket[] = [];
  private width = 1;
  private readonly maxBuckets: number;
  private cachedPoints: SeriesPoint[] | null = null;
  private cachedMarkers: NonFiniteMarker[] | null = null;
  /** The first non-finite value ever pushed (kept exactly, whatever the merging did). */
  firstNonFinite: NonFiniteMarker | null = null;
  length = 0;

  constructor(readonly maxPoints = 2000) {
    this.maxBuckets = Math.max(1, Math.floor(maxPoints / 2));
  }

  push(step: number, value: number): void {
    let bucket = this.buckets[this.buckets.length - 1];
    if (!bucket || bucket.count >= this.width) {
      if (this.buckets.length >= this.maxBuckets) this.compact();
      bucket = emptyBucket();
      this.buckets.push(bucket);
    }
    bucket.count += 1;
    this.length += 1;
    const kind = nonFiniteKind(value);
    if (kind === null) {
      if (value < bucket.min) {
        bucket.min = value;
        bucket.minStep = step;
      }
      if (value > bucket.max) {
        bucket.max = value;
        bucket.maxStep = step;
      }
    } else {
      if (kind === 'NaN' && bucket.nan < 0) bucket.nan = step;
      if (kind === '+Inf' && bucket.posInf < 0) bucket.posInf = step;
      if (kind === '-Inf' && bucket.negInf < 0) bucket.negInf = step;
      if (!this.firstNonFinite) this.firstNonFinite = { step, kind };
    }
    this.cachedPoints = null;
    this.cachedMarkers = null;
  }

  private compact(): void {
    const merged: Bucket[] = [];
    for (let i = 0; i < this.buckets.length; i += 2) {
      const a = this.buckets[i]!;
      const b = this.buckets[i + 1];
      merged.push(b ? mergeInto(a, b) : a);
    }
    this.buckets = merged;
    this.width *= 2;
  }

  /** Finite points in step order, at most maxPoints of them. */
  points(): SeriesPoint[] {
    if (this.cachedPoints) return this.cachedPoints;
    const out: SeriesPoint[] = [];
    for (const b of this.buckets) {
      if (b.minStep < 0) continue;
      if (b.minStep === b.maxStep) out.push({ step: b.minStep, value: b.min });
      else if (b.minStep < b.maxStep) out.push({ step: b.minStep, value: b.min }, { step: b.maxStep, value: b.max });
      else out.push({ step: b.maxStep, value: b.max }, { step: b.minStep, value: b.min });
    }
    this.cachedPoints = out;
    return out;
  }

  /** At most one marker per kind per bucket, in step order. */
  markers(): NonFiniteMarker[] {
    if (this.cachedMarkers) return this.cachedMarkers;
    const out: NonFiniteMarker[] = [];
    for (const b of this.buckets) {
      if (b.nan >= 0) out.push({ step: b.nan, kind: 'NaN' });
      if (b.posInf >= 0) out.push({ step: b.posInf, kind: '+Inf' });
      if (b.negInf >= 0) out.push({ step: b.negInf, kind: '-Inf' });
    }
    out.sort((p, q) => p.step - q.step);
    this.cachedMarkers = out;
    return out;
  }

  clear(): void {
    this.buckets = [];
    this.width = 1;
    this.length = 0;
    this.firstNonFinite = null;
    this.cachedPoints = null;
    this.cachedMarkers = null;
  }
}

/**
 * Exponential moving average that ignores non-finite inputs: one NaN must not turn every later
 * smoothed value into NaN. A non-finite input passes through unchanged (so it is still marked).
 */
export class NanSafeEma {
  private value: number | null = null;
  constructor(readonly smoothing: number) {}

  push(x: number): number {
    if (!Number.isFinite(x)) return x;
    this.value = this.value === null ? x : this.smoothing * this.value + (1 - this.smoothing) * x;
    return this.value;
  }
}
