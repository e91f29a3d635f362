/**
 * Two runs of the same scenario on two backends, compared step by step from their records: where
 * they first differ at all, where first by more than DIFF_THRESHOLD relative, each run's first
 * non-finite step, and which of the backends' measured edge cases differ. Pure data in and out: the
 * command line builds it from two step-locked trainers, the page from two live runs.
 */
import type { Quirk } from './backendQuirks';
import { PLAIN, showNumber } from './numberFormat';
import { firstDifference, relativeDifference, type QuantityDiff } from './recordDiff';
import type { StepRecord } from './records';

export const DIFF_THRESHOLD = 1e-6;

export interface DiffSide {
  backend: string;
  /** The backend's measured non-IEEE edge cases (BackendStatus.quirks). */
  quirks: readonly Quirk[];
}

export type StepDifference = QuantityDiff & { step: number };

export interface BackendComparison {
  backends: [string, string];
  /** Steps both runs have. */
  steps: number;
  /** Each common step's loss on both backends and their relative difference (0 where equal, NaN = NaN). */
  losses: { step: number; a: number; b: number; relative: number }[];
  firstDifference: StepDifference | null;
  firstBeyondThreshold: StepDifference | null;
  /** Each run's first step with a non-finite value (from its records), or null. */
  firstNonFiniteStep: [number | null, number | null];
  /** Measured edge cases in which the two backends differ, in words; empty when none does. */
  quirkDifferences: string[];
  /** One sentence on the likely cause. */
  explanation: string;
}

/** Compare the records of two runs, step by step for the steps both have (each list in step order). */
export function compareRecords(sides: readonly [DiffSide, DiffSide], a: readonly StepRecord[], b: readonly StepRecord[]): BackendComparison {
  const byStep = new Map(b.map((r) => [r.step, r]));
  const losses: BackendComparison['losses'] = [];
  let first: StepDifference | null = null;
  let beyond: StepDifference | null = null;
  for (const ra of a) {
    const rb = byStep.get(ra.step);
    if (!rb) continue;
    losses.push({ step: ra.step, a: ra.loss, b: rb.loss, relative: relativeDifference(ra.loss, rb.loss) });
    const d: QuantityDiff | null = first ? null : firstDifference(ra, rb);
    if (d) first = { ...d, step: ra.step };
    const far: QuantityDiff | null = beyond ? null : firstDifference(ra, rb, DIFF_THRESHOLD);
    if (far) beyond = { ...far, step: ra.step };
  }
  const flag = (rs: readonly StepRecord[]): number | null => rs.find((r) => r.nonFinite)?.step ?? null;
  const quirkDifferences = differingQuirks(sides);
  return {
    backends: [sides[0].backend, sides[1].backend],
    steps: losses.length,
    losses,
    firstDifference: first,
    firstBeyondThreshold: beyond,
    firstNonFiniteStep: [flag(a), flag(b)],
    quirkDifferences,
    explanation: explain(first, quirkDifferences),
  };
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

function explain(first: StepDifference | null, quirks: readonly string[]): string {
  if (!first) return 'The two backends gave identical records at every step.';
  if (quirks.length > 0) return `The backends handle these edge cases differently, which can explain it: ${quirks.join('; ')}.`;
  return 'No measured edge case differs between the two backends: rounding differences (how sums and products are ordered and reduced) accumulate.';
}
