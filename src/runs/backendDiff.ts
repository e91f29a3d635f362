/**
 * The same scenario on two backends, step-locked: both trainers take step 1, then step 2, …, from
 * the same seed, and after each step their records are compared (recordDiff.ts). The result says
 * where the runs first differ at all, where they first differ by more than DIFF_THRESHOLD relative,
 * each run's first non-finite step, and which measured backend differences could explain it. Both
 * runs go on past a flag, so a later divergence is not hidden by a pause.
 */
import type { Quirk } from '../engine/backendQuirks';
import { PLAIN, showNumber } from '../engine/numberFormat';
import type { Scenario } from '../engine/scenario';
import { firstDifference, relativeDifference, type QuantityDiff } from './recordDiff';
import type { FirstNonFinite, TrainerLike } from './runScenario';

export const DIFF_THRESHOLD = 1e-6;

export interface DiffSide {
  backend: string;
  /** The backend's measured non-IEEE edge cases (BackendStatus.quirks). */
  quirks: readonly Quirk[];
}

export interface BackendDiffDeps {
  /** Make `backend` the active one (its trainer's ops must run there). */
  activate(backend: string): Promise<void>;
  /** A trainer for the scenario on the active backend. */
  createTrainer(scenario: Scenario): TrainerLike;
}

export interface BackendDiff {
  backends: [string, string];
  steps: number;
  /** Each step's loss on both backends and their relative difference (0 where equal, NaN = NaN). */
  losses: { step: number; a: number; b: number; relative: number }[];
  /** The first step where any quantity differs at all, and that quantity. */
  firstDifference: (QuantityDiff & { step: number }) | null;
  /** The first step where some quantity differs by more than DIFF_THRESHOLD relative. */
  firstBeyondThreshold: (QuantityDiff & { step: number }) | null;
  firstNonFinite: [FirstNonFinite | null, FirstNonFinite | null];
  /** Measured edge cases in which the two backends differ, in words; empty when none does. */
  quirkDifferences: string[];
  /** One sentence on the likely cause. */
  explanation: string;
}

/** Run `scenario` on both sides for `steps` steps, alternating the active backend step by step. */
export async function diffBackends(scenario: Scenario, sides: [DiffSide, DiffSide], steps: number, deps: BackendDiffDeps): Promise<BackendDiff> {
  const run: Scenario = { ...scenario, continueOnFlag: true };
  const trainers: TrainerLike[] = [];
  try {
    for (const side of sides) {
      await deps.activate(side.backend);
      trainers.push(deps.createTrainer(run));
    }
    const [ta, tb] = trainers as [TrainerLike, TrainerLike];
    const losses: BackendDiff['losses'] = [];
    let first: BackendDiff['firstDifference'] = null;
    let beyond: BackendDiff['firstBeyondThreshold'] = null;
    for (let i = 0; i < steps; i++) {
      await deps.activate(sides[0].backend);
      const ra = ta.step();
      await deps.activate(sides[1].backend);
      const rb = tb.step();
      losses.push({ step: ra.step, a: ra.loss, b: rb.loss, relative: relativeDifference(ra.loss, rb.loss) });
      const d: QuantityDiff | null = first ? null : firstDifference(ra, rb);
      if (d) first = { ...d, step: ra.step };
      const far: QuantityDiff | null = beyond ? null : firstDifference(ra, rb, DIFF_THRESHOLD);
      if (far) beyond = { ...far, step: ra.step };
    }
    const firstNonFinite = [ta, tb].map((t) =>
      t.report ? { step: t.report.step, quantity: t.report.quantity, kind: t.report.kind, phase: t.report.phase } : null,
    );
    const quirkDifferences = differingQuirks(sides);
    return {
      backends: [sides[0].backend, sides[1].backend],
      steps: losses.length,
      losses,
      firstDifference: first,
      firstBeyondThreshold: beyond,
      firstNonFinite: firstNonFinite as BackendDiff['firstNonFinite'],
      quirkDifferences,
      explanation: explain(first, quirkDifferences),
    };
  } finally {
    for (const [i, t] of trainers.entries()) {
      await deps.activate(sides[i]!.backend);
      t.dispose();
    }
  }
}

/** Edge cases measured differently on the two backends, e.g. "log(0): −Inf on cpu, -88.03 on webgl". */
export function differingQuirks([a, b]: readonly [DiffSide, DiffSide]): string[] {
  const measured = (side: DiffSide, id: string, ieee: number): number => side.quirks.find((q) => q.id === id)?.measured ?? ieee;
  const all = new Map([...a.quirks, ...b.quirks].map((q) => [q.id, q]));
  return [...all.values()].flatMap((q) => {
    const ma = measured(a, q.id, q.ieee);
    const mb = measured(b, q.id, q.ieee);
    if (relativeDifference(ma, mb) === 0) return [];
    return [`${q.expression}: ${showNumber(ma, PLAIN)} on ${a.backend}, ${showNumber(mb, PLAIN)} on ${b.backend}`];
  });
}

function explain(first: BackendDiff['firstDifference'], quirks: readonly string[]): string {
  if (!first) return 'The two backends gave identical records at every step.';
  if (quirks.length > 0) return `The backends handle these edge cases differently, which can explain it: ${quirks.join('; ')}.`;
  return 'No measured edge case differs between the two backends: rounding differences (how sums and products are ordered and reduced) accumulate.';
}
