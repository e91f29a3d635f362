/** The backend diff as the command line prints it: a few aligned lines, or JSON with NaN as strings. */
import { PLAIN, showKind, showNumber } from '../engine/numberFormat';
import type { BackendDiff } from '../runs/backendDiff';
import { DIFF_THRESHOLD } from '../runs/backendDiff';
import type { FirstNonFinite } from '../runs/runScenario';

/** Every digit a double has: two values a diff shows apart must not print alike. */
const exact = (v: number): string => (Number.isFinite(v) ? String(v) : showNumber(v, PLAIN));

const where = (d: BackendDiff['firstDifference'], backends: readonly string[]): string =>
  d ? `step ${d.step}, ${d.quantity}: ${exact(d.a)} on ${backends[0]}, ${exact(d.b)} on ${backends[1]} (${showNumber(d.relative, PLAIN)} relative)` : 'none';

const flag = (f: FirstNonFinite | null): string => (f ? `step ${f.step}, ${showKind(f.kind)} in ${f.quantity} (${f.phase})` : 'none (finite throughout)');

export function formatDiffText(title: string, diff: BackendDiff): string {
  const [a, b] = diff.backends;
  const row = (label: string, text: string): string => `  ${label.padEnd(23)}${text}`;
  return [
    `${title} on ${a} and ${b}, ${diff.steps} steps in lock-step from the same seed`,
    row('first difference', where(diff.firstDifference, diff.backends)),
    row(`first > ${DIFF_THRESHOLD.toExponential(0)} relative`, where(diff.firstBeyondThreshold, diff.backends)),
    row('first non-finite', `${a}: ${flag(diff.firstNonFinite[0])}`),
    row('', `${b}: ${flag(diff.firstNonFinite[1])}`),
    row('why', diff.explanation),
  ].join('\n');
}
