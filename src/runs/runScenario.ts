/**
 * Running a scenario to the end (or to its first non-finite step) and summarising it as plain data.
 * The trainer is passed in rather than imported so that claims and searches can be tested with a
 * scripted trainer in milliseconds; the worker and the CLI pass the engine's createTrainer.
 */
import type { Scenario } from '../engine/scenario';
import { nonFiniteKind, type NonFiniteKind, type NonFiniteReport, type Phase, type StepRecord } from '../engine/records';
import type { SentinelMode } from '../engine/sentinel';

/** The part of the engine's trainer a run needs. */
export interface TrainerLike {
  step(): StepRecord;
  readonly report: NonFiniteReport | null;
  readonly paused: boolean;
  dispose(): void;
}

/** `densePath`: the engine's TrainerOptions field of that name (its dense fast path on cpu); fakes may ignore it. */
export type TrainerFactory = (scenario: Scenario, options: { sentinel?: SentinelMode; densePath?: 'auto' | 'off' }) => TrainerLike;

export interface FirstNonFinite {
  step: number;
  quantity: string;
  kind: NonFiniteKind;
  phase: Phase;
}

export interface RunSummary {
  scenario: Scenario;
  /** Steps actually taken: fewer than asked when training paused at a non-finite step. */
  steps: number;
  /** loss[i] is the loss of step i + 1. */
  losses: number[];
  firstNonFinite: FirstNonFinite | null;
  report: NonFiniteReport | null;
  finalLoss: number | null;
}

/**
 * Train for `steps` (default: the scenario's) and summarise. Stops early when the trainer pauses at
 * its first non-finite step, which is what the app does unless continueOnFlag is set.
 */
export function runScenario(scenario: Scenario, createTrainer: TrainerFactory, options: { steps?: number; densePath?: 'auto' | 'off' } = {}): RunSummary {
  const wanted = options.steps ?? scenario.steps;
  const dense = options.densePath ? { densePath: options.densePath } : {};
  const trainer = createTrainer(scenario, { sentinel: scenario.sentinel ? 'fast' : 'off', ...dense });
  const losses: number[] = [];
  let fallback: FirstNonFinite | null = null;
  try {
    for (let i = 0; i < wanted; i += 1) {
      const record = trainer.step();
      losses.push(record.loss);
      // Without the sentinel there is no attribution; the loss itself is still evidence.
      const kind = nonFiniteKind(record.loss);
      if (fallback === null && kind !== null) fallback = { step: record.step, quantity: 'loss', kind, phase: 'loss' };
      if (trainer.paused) break;
    }
    const report = trainer.report;
    const firstNonFinite = report ? { step: report.step, quantity: report.quantity, kind: report.kind, phase: report.phase } : fallback;
    return {
      scenario,
      steps: losses.length,
      losses,
      firstNonFinite,
      report,
      finalLoss: losses.length > 0 ? losses[losses.length - 1]! : null,
    };
  } finally {
    trainer.dispose();
  }
}

/**
 * At most `limit` points of the loss curve with their step numbers: evenly spaced steps, always
 * including the first, the last, and the first non-finite one, so the chart never hides the event.
 */
export function downsampleLoss(losses: readonly number[], limit = 500, keepStep?: number): { step: number; loss: number }[] {
  const n = losses.length;
  if (n === 0) return [];
  const steps = new Set<number>();
  if (n <= limit) {
    for (let s = 1; s <= n; s += 1) steps.add(s);
  } else {
    const reserved = keepStep !== undefined && keepStep >= 1 && keepStep <= n ? 1 : 0;
    const count = limit - reserved;
    for (let i = 0; i < count; i += 1) steps.add(1 + Math.round((i * (n - 1)) / (count - 1)));
    if (reserved) steps.add(keepStep!);
  }
  return [...steps].sort((a, b) => a - b).map((step) => ({ step, loss: losses[step - 1]! }));
}
