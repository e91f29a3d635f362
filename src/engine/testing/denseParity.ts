/** One scenario trained on the dense path and on tfjs (both on the active backend, cpu): where they first differ. */
import { DenseTrainer } from '../dense/denseTrainer';
import type { NonFiniteReport } from '../records';
import type { Scenario } from '../scenario';
import { createTrainer, type Trainer, type TrainerOptions } from '../trainer';
import { firstRecordDifference, firstValueDifference } from './sameBits';

/** What a comparison saw: the first difference (null: the same bits), the steps the tfjs run took, its verdict. */
export interface DenseComparison {
  difference: string | null;
  steps: number;
  report: NonFiniteReport | null;
}

/** Both trainers for `steps` steps: the first difference in records, report, pause or step count, and what the tfjs run did. */
export function compareDense(s: Scenario, steps: number, options: TrainerOptions = {}): DenseComparison {
  const fast = createTrainer(s, { ...options, densePath: 'auto' });
  const slow = createTrainer(s, { ...options, densePath: 'off' });
  try {
    const difference = fast instanceof DenseTrainer ? firstDifferenceOf(fast, slow, steps) : 'the dense path declined';
    return { difference, steps: slow.stepIndex, report: slow.report };
  } finally {
    fast.dispose();
    slow.dispose();
  }
}

/** The first difference after `steps` steps, or null where all are the same bits. */
export function denseParity(s: Scenario, steps: number, options: TrainerOptions = {}): string | null {
  return compareDense(s, steps, options).difference;
}

function firstDifferenceOf(fast: Trainer, slow: Trainer, steps: number): string | null {
  const d = firstRecordDifference(fast.run(steps), slow.run(steps));
  if (d !== null) return d;
  const r = firstValueDifference(fast.report, slow.report);
  if (r !== null) return `report: ${r}`;
  if (fast.paused !== slow.paused || fast.stepIndex !== slow.stepIndex)
    return `paused ${fast.paused} vs ${slow.paused}, step ${fast.stepIndex} vs ${slow.stepIndex}`;
  return null;
}
