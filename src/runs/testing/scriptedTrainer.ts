/** A scripted trainer for tests of runs and searches: no tfjs, a chosen loss and a chosen first NaN step. */
import type { NonFiniteReport, StepRecord } from '../../engine/records';
import type { Scenario } from '../../engine/scenario';
import type { TrainerFactory, TrainerLike } from '../runScenario';

/** A fake trainer whose loss goes NaN at `nanAt(scenario)` (or never) and pauses there. */
export function scripted(nanAt: (s: Scenario) => number | null, loss: (s: Scenario, step: number) => number = () => 1): TrainerFactory & { made: number } {
  const factory = ((s: Scenario): TrainerLike => {
    factory.made += 1;
    let step = 0;
    let report: NonFiniteReport | null = null;
    return {
      step(): StepRecord {
        step += 1;
        const bad = nanAt(s) !== null && step >= nanAt(s)!;
        if (bad && !report) {
          report = {
            step,
            quantity: 'grad/dense1/kernel',
            phase: 'backward',
            kind: 'NaN',
            counts: { nan: 1, posInf: 0, negInf: 0 },
            size: 1,
            lastFiniteMaxAbs: 1,
            cascade: [],
            backend: 'cpu',
            precision: s.precision,
            growth: [],
          };
        }
        return {
          step,
          loss: bad ? Number.NaN : loss(s, step),
          gradNorm: 1,
          gradNorms: {},
          weightNorms: {},
          updateRatios: {},
          activationMax: {},
          nonFinite: bad,
          skipped: false,
          warnings: [],
        };
      },
      get report() {
        return report;
      },
      get paused() {
        return report !== null;
      },
      dispose() {},
    };
  }) as unknown as TrainerFactory & { made: number };
  factory.made = 0;
  return factory;
}
