// The engine as a benchmark stepper: one trainer step (which already includes its single readback).
import { createTrainer } from '../engine';
import type { Scenario } from '../engine/scenario';
import type { Stepper } from './measure';

/** Wrap an engine trainer for timing, with the sentinel in the given mode. */
export function engineStepper(scenario: Scenario, sentinel: 'off' | 'fast'): Stepper {
  const trainer = createTrainer({ ...scenario, sentinel: sentinel !== 'off', continueOnFlag: true }, { sentinel });
  return {
    mode: sentinel === 'off' ? 'engine, sentinel off' : 'engine, sentinel on',
    step: async () => {
      if (trainer.asyncOnly) await trainer.stepAsync();
      else trainer.step();
    },
    dispose: () => trainer.dispose(),
  };
}
