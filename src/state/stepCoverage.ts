/** Which steps of a run an export holds, and the sentence that says so (in the file and on the page). */
import type { StepRecord } from '../engine/records';

/** The steps an export holds: how many of the run's, which, and why any are missing. */
export interface StepCoverage {
  /** Steps the run has taken since it started (records seen). */
  total: number;
  /** Steps in the file. */
  kept: number;
  /** The steps in the file as inclusive [first, last] ranges of step numbers, in order. */
  ranges: [number, number][];
  /** Why steps are missing, or null when the file holds every step of the run. */
  reason: string | null;
}

/** The records of a run an export holds, and which steps of the run they are. */
export interface ExportedRecords {
  records: StepRecord[];
  steps: StepCoverage;
}

const count = (n: number): string => n.toLocaleString('en-US');

function listRanges(ranges: readonly [number, number][]): string {
  const shown = ranges.map(([a, b]) => (a === b ? count(a) : `${count(a)}–${count(b)}`));
  return shown.length <= 1 ? (shown[0] ?? 'none') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
}

/** E.g. "100,000 of the run's 130,000 steps: 1–45,000, 75,001–85,000 and 85,001–130,000 (a run keeps …)". */
export function describeSteps(steps: StepCoverage): string {
  if (steps.reason === null) return `all ${count(steps.total)} steps of the run (${listRanges(steps.ranges)})`;
  return `${count(steps.kept)} of the run's ${count(steps.total)} steps: ${listRanges(steps.ranges)} (${steps.reason})`;
}
