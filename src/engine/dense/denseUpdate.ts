/**
 * optimizers.ts's updates as flat loops in float32 (each tfjs op of the update stored as float32):
 * per parameter its state in the order optimizers.ts names it, then the parameter. New values go
 * to scratch buffers; the trainer watches them and then copies them in, as the tfjs step assigns.
 */
import { roundNumber } from '../precision';
import type { OptimizerKind, Scenario } from '../scenario';
import type { NumberRounder } from './denseRounding';

const f32 = Math.fround;

/** The state buffers' names per parameter, as optimizers.ts names them ("adam/m" + "/" + parameter). */
export function stateNames(kind: OptimizerKind): string[] {
  switch (kind) {
    case 'momentum':
      return ['momentum/buf'];
    case 'adam':
    case 'adamw':
      return [`${kind}/m`, `${kind}/v`];
    case 'rmsprop':
      return ['rmsprop/v'];
    case 'sgd':
      return [];
  }
}

/** The optimizer's constants as the precision stores them, as optimizers.ts keeps them. */
export interface UpdateConstants {
  lr: number;
  mu: number;
  b1: number;
  b2: number;
  eps: number;
  wd: number;
  oneMinusB1: number;
  oneMinusB2: number;
}

export function updateConstants(s: Scenario): UpdateConstants {
  const r = (v: number): number => roundNumber(v, s.precision);
  return {
    lr: r(s.lr),
    mu: r(s.momentum),
    b1: r(s.beta1),
    b2: r(s.beta2),
    eps: r(s.adamEps),
    wd: r(s.weightDecay),
    oneMinusB1: r(1 - s.beta1),
    oneMinusB2: r(1 - s.beta2),
  };
}

/**
 * New values of one parameter `w` with gradient `g` at step t (1-based): `next[k]` receives state k's
 * new value (state[k] is read, not written), `nextW` the parameter's; `r` rounds each stored result.
 */
export function updateParameter(
  s: Scenario,
  c: UpdateConstants,
  t: number,
  w: Float32Array,
  g: Float32Array,
  state: readonly Float32Array[],
  next: readonly Float32Array[],
  nextW: Float32Array,
  r: NumberRounder,
): void {
  const n = w.length;
  const apply = (i: number, step: number): void => {
    nextW[i] = r(f32(w[i]! - f32(step * c.lr)));
  };
  switch (s.optimizer) {
    case 'sgd':
      for (let i = 0; i < n; i++) apply(i, g[i]!);
      return;
    case 'momentum': {
      const buf = state[0]!;
      const out = next[0]!;
      for (let i = 0; i < n; i++) {
        out[i] = r(f32(f32(buf[i]! * c.mu) + g[i]!));
        apply(i, out[i]!);
      }
      return;
    }
    case 'adam':
    case 'adamw': {
      const [m, v] = [state[0]!, state[1]!];
      const [mOut, vOut] = [next[0]!, next[1]!];
      const mDiv = roundNumber(1 - s.beta1 ** t, s.precision);
      const vDiv = roundNumber(1 - s.beta2 ** t, s.precision);
      const decay = s.optimizer === 'adamw' && c.wd !== 0;
      for (let i = 0; i < n; i++) {
        const gi = g[i]!;
        mOut[i] = r(f32(f32(m[i]! * c.b1) + f32(gi * c.oneMinusB1)));
        vOut[i] = r(f32(f32(v[i]! * c.b2) + f32(f32(gi * gi) * c.oneMinusB2)));
        const mHat = r(f32(mOut[i]! / mDiv));
        const vHat = r(f32(vOut[i]! / vDiv));
        let step = r(f32(mHat / f32(f32(Math.sqrt(vHat)) + c.eps)));
        if (decay) step = r(f32(step + f32(w[i]! * c.wd)));
        apply(i, step);
      }
      return;
    }
    case 'rmsprop': {
      const v = state[0]!;
      const out = next[0]!;
      for (let i = 0; i < n; i++) {
        const gi = g[i]!;
        out[i] = r(f32(f32(v[i]! * c.b2) + f32(f32(gi * gi) * c.oneMinusB2)));
        apply(i, r(f32(gi / f32(f32(Math.sqrt(out[i]!)) + c.eps))));
      }
      return;
    }
  }
}
