/**
 * Where each number of a step's single readback lies. The step writes its fields in this order
 * (`pack`) and the record reads them from here (`at`, `byName`), so an offset exists in one place:
 *
 * | field | length | value |
 * |---|---|---|
 * | loss | 1 | the loss |
 * | gradNorm | 1 | the global gradient norm, before clipping |
 * | skipped | 1 | 1 when skipNonFinite kept the old weights and state, else 0 |
 * | gradSquares | n | Σg² of each parameter's gradient |
 * | weightSquares | n | Σw² of each parameter after the update |
 * | updateSquares | n | Σ(w_new − w_old)² of each parameter |
 * | oldSquares | n | Σw² of each parameter before the update |
 * | watch | the rest | the sentinel's section (sentinel.ts): its length depends on the mode and the step |
 *
 * n is the number of parameters. Norms travel as sums of squares (two ops each); square roots are
 * taken after the readback. A layout is built once per trainer; reading it allocates nothing but
 * the records it returns.
 */
import * as tf from '@tensorflow/tfjs';

/** One field's place: values [start, start + length) of the readback. */
export interface Slice {
  readonly start: number;
  readonly length: number;
}

/** Values of one slice of a readback, without a copy where the readback is a typed array. */
export function valuesOf(v: ArrayLike<number>, sl: Slice): ArrayLike<number> {
  if (ArrayBuffer.isView(v)) return (v as Float32Array).subarray(sl.start, sl.start + sl.length);
  return Array.prototype.slice.call(v, sl.start, sl.start + sl.length) as number[];
}

/** The fixed fields in readback order; the watch section follows them. */
export const FIELD_ORDER = ['loss', 'gradNorm', 'skipped', 'gradSquares', 'weightSquares', 'updateSquares', 'oldSquares'] as const;

export type Field = (typeof FIELD_ORDER)[number];
type ScalarField = 'loss' | 'gradNorm' | 'skipped';
export type ParamField = Exclude<Field, ScalarField>;

/** What a step writes: one scalar tensor per scalar field, one per parameter (in parameter order) for the others. */
export type StepFields = { readonly [F in ScalarField]: tf.Tensor } & { readonly [F in ParamField]: readonly tf.Tensor[] };

/** The same fields as numbers. */
export type HostFields = { readonly [F in ScalarField]: number } & { readonly [F in ParamField]: readonly number[] };

const isScalar = (f: Field): f is ScalarField => f === 'loss' || f === 'gradNorm' || f === 'skipped';

/** The readback layout of one trainer's steps. */
export class StepLayout {
  readonly fields: Readonly<Record<Field, Slice>>;
  /** Where the sentinel's section starts: also the length of the fixed part. */
  readonly watchStart: number;

  constructor(readonly names: readonly string[]) {
    let start = 0;
    const fields = {} as Record<Field, Slice>;
    for (const f of FIELD_ORDER) {
      const length = isScalar(f) ? 1 : names.length;
      fields[f] = { start, length };
      start += length;
    }
    this.fields = fields;
    this.watchStart = start;
  }

  /** The writer: the fields in layout order, then the watch section, as the one tensor to read back. */
  pack(values: StepFields, watch: tf.Tensor1D | null): tf.Tensor1D {
    const parts: tf.Tensor[] = [];
    for (const f of FIELD_ORDER) {
      if (isScalar(f)) {
        parts.push(values[f]);
        continue;
      }
      const ts = values[f];
      // A short list would shift every later field, and the watch section, silently.
      if (ts.length !== this.names.length) throw new Error(`${f}: ${ts.length} tensors for ${this.names.length} parameters`);
      parts.push(...ts);
    }
    const fixed = tf.stack(parts) as tf.Tensor1D;
    return watch ? tf.concat([fixed, watch]) : fixed;
  }

  /**
   * The fixed part as numbers, where they were computed on the host (hostNorms.ts): the same
   * values `pack` would have read back, for `at` and `byName` to read alike.
   */
  write(values: HostFields): Float64Array {
    const out = new Float64Array(this.watchStart);
    for (const f of FIELD_ORDER) {
      const { start } = this.fields[f];
      if (isScalar(f)) {
        out[start] = values[f];
        continue;
      }
      const xs = values[f];
      if (xs.length !== this.names.length) throw new Error(`${f}: ${xs.length} values for ${this.names.length} parameters`);
      out.set(xs, start);
    }
    return out;
  }

  /** Value k of a field (k is the parameter index; 0 for a scalar field). */
  at(v: ArrayLike<number>, f: Field, k = 0): number {
    return v[this.fields[f].start + k]!;
  }

  /** A per-parameter field keyed by parameter name, each value passed through `map` with its index. */
  byName(v: ArrayLike<number>, f: ParamField, map: (x: number, k: number) => number): Record<string, number> {
    const out: Record<string, number> = {};
    const { start } = this.fields[f];
    this.names.forEach((name, k) => {
      out[name] = map(v[start + k]!, k);
    });
    return out;
  }

  /** Whether any value of these fields is NaN or ±Inf. */
  anyNonFinite(v: ArrayLike<number>, fs: readonly Field[]): boolean {
    for (const f of fs) {
      const { start, length } = this.fields[f];
      for (let i = start; i < start + length; i++) if (!Number.isFinite(v[i]!)) return true;
    }
    return false;
  }
}
