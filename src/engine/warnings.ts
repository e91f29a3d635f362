/**
 * Warnings before the fact, from the numbers each step already reads back: "overflowRisk" when a
 * quantity's max |x| comes within 100× of the precision's largest finite value, and "fastGrowth"
 * when a norm grows more than 10× per step for 3 steps in a row. Both fire once per episode (again
 * only after the value falls back / the streak breaks), so a long run does not repeat them.
 */
import type { SentinelWarning, StepRecord } from './records';

const RISK_FACTOR = 100;
const GROWTH_FACTOR = 10;
const GROWTH_STEPS = 3;
const HISTORY = 10;

/** Tracks growth across steps; one per trainer. */
export class GrowthWatch {
  private readonly atRisk = new Set<string>();
  private readonly streaks = new Map<string, { last: number; streak: number }>();
  private readonly history = new Map<string, number[]>();

  constructor(private readonly limit: number) {}

  /** Warnings for one step from per-quantity max |x| and named norms; also keeps a short history. */
  observe(step: number, maxAbs: ReadonlyMap<string, number>, norms: ReadonlyMap<string, number>): SentinelWarning[] {
    const out: SentinelWarning[] = [];
    const threshold = this.limit / RISK_FACTOR;
    for (const [q, v] of maxAbs) {
      this.remember(q, v);
      if (Number.isFinite(v) && v >= threshold) {
        if (!this.atRisk.has(q)) {
          this.atRisk.add(q);
          out.push({
            step,
            kind: 'overflowRisk',
            quantity: q,
            value: v,
            limit: this.limit,
            message: `max |${q}| = ${v.toExponential(3)} is within ${RISK_FACTOR}× of the largest finite value ${this.limit.toExponential(3)}`,
          });
        }
      } else {
        this.atRisk.delete(q);
      }
    }
    for (const [q, v] of norms) {
      this.remember(q, v);
      // Updated in place: this runs for every norm of every step.
      let s = this.streaks.get(q);
      if (!s) this.streaks.set(q, (s = { last: NaN, streak: 0 }));
      const growing = s.last > 0 && Number.isFinite(v) && v > GROWTH_FACTOR * s.last;
      const streak = growing ? s.streak + 1 : 0;
      s.last = v;
      s.streak = streak;
      if (streak === GROWTH_STEPS) {
        out.push({
          step,
          kind: 'fastGrowth',
          quantity: q,
          value: v,
          limit: this.limit,
          message: `${q} grew more than ${GROWTH_FACTOR}× per step for ${GROWTH_STEPS} steps (now ${v.toExponential(3)})`,
        });
      }
    }
    return out;
  }

  private remember(q: string, v: number): void {
    let h = this.history.get(q);
    if (!h) this.history.set(q, (h = []));
    h.push(v);
    if (h.length > HISTORY) h.shift();
  }

  /** Recent values (oldest first) of the named quantities, for a report's growth lines. */
  recent(quantities: string[]): { quantity: string; values: number[] }[] {
    return quantities.filter((q) => this.history.has(q)).map((q) => ({ quantity: q, values: [...this.history.get(q)!] }));
  }
}

/** The norms of a record that the growth watch follows: the gradient norm, each weight norm, the loss. */
export function recordNorms(record: StepRecord): Map<string, number> {
  const norms = new Map<string, number>([['gradNorm', record.gradNorm]]);
  for (const k in record.weightNorms) norms.set(weightKey(k), record.weightNorms[k]!);
  norms.set('loss/value', record.loss);
  return norms;
}

/** "weight/<name>", made once per parameter name rather than once per step. */
const WEIGHT_KEYS = new Map<string, string>();
function weightKey(name: string): string {
  let key = WEIGHT_KEYS.get(name);
  if (key === undefined) WEIGHT_KEYS.set(name, (key = `weight/${name}`));
  return key;
}
