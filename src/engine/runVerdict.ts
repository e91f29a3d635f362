/**
 * The sentinel's decisions over one run, shared by the two trainers (trainer.ts on tfjs ops,
 * dense/denseTrainer.ts on flat arrays) so that their reports cannot drift apart: how the next step is
 * watched, what a flagged step becomes (a report from its full checks, the report of a replay from a
 * snapshot, or a false alarm that turns the run strict), when the run halts, the maxima full mode
 * compares with, the warnings, and when a snapshot is due. The trainers own the steps and the
 * snapshots; this owns the verdict.
 */
import type { Precision, Scenario } from './scenario';
import { PRECISION_MAX } from './precision';
import type { Flow } from './readback';
import type { NonFiniteReport } from './records';
import { buildReport, fastOnlyReport, type QuantityStats, type SentinelMode, type WatchMode } from './sentinel';
import type { StepParts } from './stepMath';
import type { TrainerOptions } from './trainerTypes';
import { GrowthWatch, recordNorms } from './warnings';

/** What a replay needs of its trainer. */
export interface ReplaySteps {
  /** The trainer's snapshots, oldest first; a replay starts from the newest one at least two steps back. */
  snapshots(): readonly { step: number }[];
  restoreTo(snapshot: { step: number }): void;
  /** The next step in the given watch mode (advances the trainer's step index). */
  runStep(mode: WatchMode): Flow<StepParts>;
  stepIndex(): number;
}

export interface RunVerdictOptions {
  mode: SentinelMode;
  backend: string;
  precision: Precision;
  continueOnFlag: boolean;
  snapshotEvery: number;
  onReplay: ((step: number) => void) | undefined;
}

export class RunVerdict {
  /** Fast flags come from cheap reductions that can overflow; after one false alarm, count exactly. */
  private fastWatch: 'fast' | 'strict' = 'fast';
  private verdict: NonFiniteReport | null = null;
  private halted = false;
  /** Full mode: the previous step's finite max |x| per quantity. */
  private previousMaxAbs = new Map<string, number>();
  private readonly growth: GrowthWatch;

  constructor(private readonly o: RunVerdictOptions) {
    this.growth = new GrowthWatch(PRECISION_MAX[o.precision]);
  }

  /** A trainer's verdict for scenario `s` with its options, on `backend`. */
  static of(s: Scenario, options: TrainerOptions, backend: string, snapshotEvery: number): RunVerdict {
    const mode = options.sentinel ?? (s.sentinel ? 'fast' : 'off');
    return new RunVerdict({ mode, backend, precision: s.precision, continueOnFlag: s.continueOnFlag, snapshotEvery, onReplay: options.onReplay });
  }

  get report(): NonFiniteReport | null {
    return this.verdict;
  }
  get paused(): boolean {
    return this.halted;
  }

  /** off and full watch every step as named; fast watches fast until a false alarm, then strict. */
  get watchMode(): WatchMode {
    return this.o.mode === 'fast' ? this.fastWatch : this.o.mode;
  }

  /** The step just taken, judged: a report where it flagged first (replaying where only a fast flag says so). */
  *judge(parts: StepParts, steps: ReplaySteps): Flow<void> {
    const { record } = parts;
    if (!record.nonFinite || this.verdict !== null || this.o.mode === 'off') return;
    if (this.o.mode === 'full') this.verdict = buildReport(parts.quantities, this.reportContext(record.step, this.previousMaxAbs));
    else {
      this.o.onReplay?.(record.step);
      const replayed = yield* this.replay(record.step, steps);
      if (replayed) this.verdict = replayed;
      else if (this.fastWatch === 'fast') {
        // Clean replay of a fast flag: a cheap reduction overflowed on finite values, not a NaN step.
        record.nonFinite = false;
        this.fastWatch = 'strict';
      } else this.verdict = fastOnlyReport(record.step, this.reportContext(record.step, new Map()));
    }
    if (this.verdict) this.verdict.growth = [...this.verdict.growth, ...this.growth.recent([this.verdict.quantity])];
    if (this.verdict && !this.o.continueOnFlag) this.halted = true;
  }

  /** After the step's held-out loss: full mode's maxima kept, warnings written; true where a snapshot is due. */
  close(parts: StepParts, stepIndex: number): boolean {
    const { record } = parts;
    if (this.o.mode === 'full') this.previousMaxAbs = maxAbsMap(parts.quantities);
    // Warnings read the same numbers in every mode: forward and loss max |x|, and norms.
    record.warnings = this.growth.observe(record.step, parts.forwardMaxAbs, recordNorms(record));
    return this.o.mode === 'fast' && stepIndex % this.o.snapshotEvery === 0 && !record.nonFinite;
  }

  /** The trainer went back to `step`: full mode's maxima lapse, and so does a report of a later step. */
  rewound(step: number): void {
    this.previousMaxAbs = new Map();
    if (this.verdict && this.verdict.step > step) {
      this.verdict = null;
      this.halted = false;
    }
  }

  /** A checkpoint's verdict, as it was read. */
  restore(report: NonFiniteReport | null, paused: boolean): void {
    this.verdict = report;
    this.halted = paused;
  }

  /**
   * Restore a snapshot at least two steps back when there is one (so the step before the flag is
   * checked too and gives lastFiniteMaxAbs), and re-run up to `target` with full checks.
   */
  private *replay(target: number, steps: ReplaySteps): Flow<NonFiniteReport | null> {
    const snapshots = steps.snapshots();
    const from = [...snapshots].reverse().find((sn) => sn.step <= target - 2) ?? snapshots[0]!;
    steps.restoreTo(from);
    let previous = new Map<string, number>();
    let report: NonFiniteReport | null = null;
    while (steps.stepIndex() < target) {
      const parts = yield* steps.runStep('full');
      if (report === null) report = buildReport(parts.quantities, this.reportContext(parts.record.step, previous));
      previous = maxAbsMap(parts.quantities);
    }
    // null only if the backend is not deterministic (the replay did not reproduce the flag).
    return report;
  }

  private reportContext(step: number, previousMaxAbs: ReadonlyMap<string, number>) {
    return { step, previousMaxAbs, backend: this.o.backend, precision: this.o.precision, growth: this.growth.recent(['loss/value', 'gradNorm']) };
  }
}

function maxAbsMap(q: QuantityStats[]): Map<string, number> {
  return new Map(q.map((e) => [e.quantity, e.maxAbs]));
}
