// The engine as a benchmark stepper: one trainer step (which already includes its single readback).
import { createTrainer } from '../engine';
import type { Scenario } from '../engine/scenario';
import type { Stepper } from './measure';

/** Wrap an engine trainer for timing, with the sentinel in the given mode (and the dense path as asked: trainerTypes.ts). */
export function engineStepper(scenario: Scenario, sentinel: 'off' | 'fast', densePath: 'auto' | 'off' = 'off'): Stepper {
  const trainer = createTrainer({ ...scenario, sentinel: sentinel !== 'off', continueOnFlag: true }, { sentinel, densePath });
  const mode = sentinel === 'off' ? 'engine, sentinel off' : 'engine, sentinel on';
  return {
    mode: densePath === 'auto' ? `dense path, ${mode.slice('engine, '.length)}` : mode,
    step: async () => {
      if (trainer.asyncOnly) await trainer.stepAsync();
      else trainer.step();
    },
    dispose: () => trainer.dispose(),
  };
}
