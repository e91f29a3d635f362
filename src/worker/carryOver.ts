/**
 * Carrying a trainer's weights and optimizer state across a live change (a new learning rate, say):
 * a snapshot of the old trainer is restored into the new one, which then goes on from the same step.
 */
import type { Snapshot, Trainer } from '../engine/trainer';
import type { MadeTrainer } from './trainerFactory';

/** A copy of the trainer's state, or null where there is no trainer or it cannot be copied. */
export function snapshotOf(trainer: Trainer | null | undefined): Snapshot | null {
  if (!trainer) return null;
  try {
    return trainer.snapshot();
  } catch {
    // A trainer that cannot be copied (a lost device, say) still leaves the change possible: from step 0.
    return null;
  }
}

/** The new trainer, and whether it took over the carried state. */
export interface Carried {
  made: MadeTrainer;
  restored: boolean;
}

/**
 * Restore `carried` into the freshly made trainer; where that fails, the trainer from `rebuild`
 * instead. The snapshot is disposed either way: it is used once.
 */
export function carryInto(made: MadeTrainer, carried: Snapshot | null, rebuild: () => MadeTrainer): Carried {
  if (!carried || !made.trainer) {
    carried?.dispose();
    return { made, restored: false };
  }
  try {
    made.trainer.restore(carried);
    return { made, restored: true };
  } catch {
    // A failed restore may have assigned some variables: start over with a clean trainer.
    made.trainer.dispose();
    return { made: rebuild(), restored: false };
  } finally {
    carried.dispose();
  }
}
