/** One scenario trained on the dense path and on tfjs (both on the active backend, cpu): where they first differ. */
import { DenseTrainer } from '../dense/denseTrainer';
import type { StepRecord } from '../records';
import type { Scenario } from '../scenario';
import { createTrainer, type TrainerOptions } from '../trainer';
import { firstRecordDifference, firstValueDifference } from './sameBits';

/** The first difference in records, report, pause or step count after `steps` steps, or null where all are the same bits. */
export function denseParity(s: Scenario, steps: number, options: TrainerOptions = {}): string | null {
  const fast = createTrainer(s, { ...options, densePath: 'auto' });
  const slow = createTrainer(s, { ...options, densePath: 'off' });
  try {
    if (!(fast instanceof DenseTrainer)) return 'the dense path declined';
    const records: [StepRecord[], StepRecord[]] = [fast.run(steps), slow.run(steps)];
    const d = firstRecordDifference(...records);
    if (d !== null) return d;
    const r = firstValueDifference(fast.report, slow.report);
    if (r !== null) return `report: ${r}`;
    if (fast.paused !== slow.paused || fast.stepIndex !== slow.stepIndex)
      return `paused ${fast.paused} vs ${slow.paused}, step ${fast.stepIndex} vs ${slow.stepIndex}`;
    return null;
  } finally {
    fast.dispose();
    slow.dispose();
  }
}
