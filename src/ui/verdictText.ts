/**
 * A computed outcome as a badge says it: "holds", "does not hold in float32", "holds only with learning rate 1.3",
 * "checking…". The words come from the outcome itself (src/runs/outcome.ts), never from the lesson.
 */
import type { PresetOutcome } from '../state/appState';

export interface VerdictBadge {
  /** The CSS class and data-verdict: the outcome's verdict, or 'running' / 'error'. */
  kind: string;
  text: string;
}

export function verdictBadge(outcome: PresetOutcome | undefined): VerdictBadge {
  if (!outcome || outcome.status === 'running') return { kind: 'running', text: 'checking…' };
  if (outcome.status === 'error' || outcome.verdict === null) return { kind: 'error', text: 'could not check' };
  // "it does not hold in float32" → "does not hold in float32": the badge sits beside the claim it is about, and
  // names another reason without giving it (the lesson does that).
  const text = outcome.verdict === 'holds' ? 'holds' : outcome.text.replace(/^it /, '').replace(/, for another reason: .*$/, ', for another reason');
  return { kind: outcome.verdict, text };
}
