/**
 * Optimizers with explicit state variables (not tf.train.*): the sentinel watches Adam's m and v by
 * name, snapshots copy them, and simulated precision rounds them like any other stored tensor.
 * `update` computes new values only; the trainer watches, optionally skips, and assigns them.
 */
import * as tf from '@tensorflow/tfjs';
import { roundNumber, type Rounder } from './precision';
import type { OptimizerKind, Precision, Scenario } from './scenario';
import type { NamedVariable } from './models/types';

/** A new value for a parameter or a state variable, with the quantity name the sentinel reports. */
export interface Assignment {
  quantity: string;
  target: tf.Variable;
  value: tf.Tensor;
  /** Set for parameters (not optimizer state): the human parameter name. */
  param?: string;
  /**
   * For the fast sentinel. A first moment (Adam's m, the momentum buffer): the step is proportional to
   * it, so a NaN or Inf in it makes the parameter's new value non-finite too. A second moment (Adam's
   * and RMSprop's v) does not: v = +Inf gives a step of m/Inf = 0 and a finite parameter.
   */
  moment?: 'first' | 'second';
}

export interface Optimizer {
  kind: OptimizerKind;
  /** State variables ("adam/m/enc/dense1/kernel"), in the order of the parameters. */
  state: NamedVariable[];
  /** New values for step t (1-based), in computation order: per parameter its state, then itself. */
  update(t: number, params: NamedVariable[], grads: tf.Tensor[], round: Rounder): Assignment[];
  dispose(): void;
}

function zerosLike(name: string, v: tf.Variable): NamedVariable {
  const z = tf.zerosLike(v);
  const variable = tf.variable(z, false);
  z.dispose(); // tf.variable copies its initialiser
  return { name, variable };
}

/** Hyper-parameters as the precision stores them (ε = 1e-8 is 0 in float16). */
function constants(s: Scenario, p: Precision) {
  const r = (v: number): number => roundNumber(v, p);
  return { lr: r(s.lr), mu: r(s.momentum), b1: r(s.beta1), b2: r(s.beta2), eps: r(s.adamEps), wd: r(s.weightDecay) };
}

/** The optimizer a scenario names, with zeroed state for `params`. Weight decay is L2 in the loss except for adamw. */
export function createOptimizer(s: Scenario, params: NamedVariable[]): Optimizer {
  const c = constants(s, s.precision);
  const r = (v: number): number => roundNumber(v, s.precision);
  const kind = s.optimizer;
  const stateNames: string[] =
    kind === 'momentum' ? ['momentum/buf'] : kind === 'adam' || kind === 'adamw' ? [`${kind}/m`, `${kind}/v`] : kind === 'rmsprop' ? ['rmsprop/v'] : [];
  const state = params.flatMap((p) => stateNames.map((n) => zerosLike(`${n}/${p.name}`, p.variable)));
  const per = stateNames.length;
  // The constants as scalars kept for the optimizer's life: a number operand would be a new tensor
  // (an upload on webgl and webgpu) in every op of every step. Same float32 values, same results.
  const kept = new Map<number, tf.Scalar>();
  const k = (v: number): tf.Scalar => {
    let t = kept.get(v);
    if (!t) kept.set(v, (t = tf.keep(tf.scalar(v))));
    return t;
  };

  const update = (t: number, ps: NamedVariable[], grads: tf.Tensor[], round: Rounder): Assignment[] => {
    const out: Assignment[] = [];
    ps.forEach((p, i) => {
      const g = grads[i]!;
      const w = p.variable;
      const st = state.slice(i * per, (i + 1) * per);
      const set = (k: number, value: tf.Tensor, moment: 'first' | 'second'): tf.Tensor => {
        out.push({ quantity: st[k]!.name, target: st[k]!.variable, value, moment });
        return value;
      };
      let step: tf.Tensor; // the amount subtracted from w, before the learning rate
      switch (kind) {
        case 'sgd':
          step = g;
          break;
        case 'momentum': // PyTorch's form: buf = μ·buf + g; w −= lr·buf
          step = set(0, round(tf.add(tf.mul(st[0]!.variable, k(c.mu)), g)), 'first');
          break;
        case 'adam':
        case 'adamw': {
          const m = set(0, round(tf.add(tf.mul(st[0]!.variable, k(c.b1)), tf.mul(g, k(r(1 - s.beta1))))), 'first');
          const v = set(1, round(tf.add(tf.mul(st[1]!.variable, k(c.b2)), tf.mul(tf.square(g), k(r(1 - s.beta2))))), 'second');
          const mHat = round(tf.div(m, r(1 - s.beta1 ** t)));
          const vHat = round(tf.div(v, r(1 - s.beta2 ** t)));
          // With v underflowed to 0 and ε rounded to 0 (fp16), this is m/0 = ±Inf, or 0/0 = NaN.
          step = round(tf.div(mHat, tf.add(tf.sqrt(vHat), k(c.eps))));
          if (kind === 'adamw' && c.wd !== 0) step = round(tf.add(step, tf.mul(w, k(c.wd))));
          break;
        }
        case 'rmsprop': {
          // ρ is beta2 (the scenario has no separate field); w −= lr·g/(√v + ε).
          const v = set(0, round(tf.add(tf.mul(st[0]!.variable, k(c.b2)), tf.mul(tf.square(g), k(r(1 - s.beta2))))), 'second');
          step = round(tf.div(g, tf.add(tf.sqrt(v), k(c.eps))));
          break;
        }
      }
      out.push({ quantity: `param/${p.name}`, target: w, value: round(tf.sub(w, tf.mul(step, k(c.lr)))), param: p.name });
    });
    return out;
  };

  return {
    kind,
    state,
    update,
    dispose: () => {
      state.forEach((v) => v.variable.dispose());
      tf.dispose([...kept.values()]);
      kept.clear();
    },
  };
}
