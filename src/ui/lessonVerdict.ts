/**
 * The verdict of a lesson as one story about the run on screen. The claim is decided for the run the user
 * watches (its backend, the scenario as edited: state/outcomeQuestions.ts), so the verdict's step, quantity and kind
 * are the chart's first-non-finite line and the diagnosis. Where that backend flags at another step than cpu, the
 * reference the command line uses, both figures are given with the cause measured on this backend when it started;
 * a difference is a lesson about backends, not a contradiction. Pure: the preset panel renders what this says.
 */
import { plural, showKind, showNumber } from '../engine/numberFormat';
import type { PresetOutcome } from '../state/appState';

export interface LessonVerdict {
  status: 'running' | 'error' | 'done';
  /** For `error`: what went wrong. */
  message: string | null;
  /** 'holds' | 'doesNotHold' | 'holdsOnlyWith' for the run on screen, as a CSS class and data attribute. */
  verdict: string;
  /** "the claim holds", "it does not hold in float32". */
  text: string;
  /** "on wasm, the run you watch", or "on cpu". */
  where: string;
  /** What the run showed: "+Inf first in loss/value at step 33", "no NaN or Inf in 30 steps; final loss 0.12". */
  event: string;
  firstNonFinite: PresetOutcome['firstNonFinite'];
  /** The cpu reference where it differs from the run on screen, with the cause ("On cpu … step 36 …"). */
  reference: string | null;
  /** For an edited lesson: the verdict of the lesson as written. */
  asWritten: string | null;
  /** The search's answer in one line ("it would hold with learning rate 1.3"), where it found one. */
  search: string | null;
  /** A finite run that did not learn ("Not learning: the loss rose from 0.41 to 1.26 over 40 steps."). */
  stall: string | null;
}

export interface VerdictInputs {
  /** The preset as written on cpu, with the search. */
  reference: PresetOutcome | null;
  /** The run on screen when it is not the reference (another backend, or edited); null: the reference is it. */
  watched: PresetOutcome | null;
  /** The edge cases measured on the watched backend when it started (their descriptions). */
  quirks: readonly string[];
  edited: boolean;
}

function event(o: PresetOutcome): string {
  const f = o.firstNonFinite;
  if (f) return `${showKind(f.kind)} first in ${f.quantity} at step ${f.step}`;
  const final = o.finalLoss === null ? '' : `; final loss ${showNumber(o.finalLoss)}`;
  return `no NaN or Inf in ${plural(o.steps, 'step')}${final}`;
}

function sameEvent(a: PresetOutcome, b: PresetOutcome): boolean {
  const fa = a.firstNonFinite;
  const fb = b.firstNonFinite;
  if (!fa || !fb) return fa === fb;
  return fa.step === fb.step && fa.quantity === fb.quantity && fa.kind === fb.kind;
}

function cause(backend: string, quirks: readonly string[]): string {
  if (quirks.length > 0) return `Measured on ${backend} when it started: ${quirks.join('; ')}. A long run meets such a case sooner or later.`;
  return `No edge case measured on ${backend} differs from cpu, so the rounding of long sums and products, done in another order, accumulates until one run crosses the float32 limit first.`;
}

/** The lesson's verdict for the run on screen, or a pending/error state. */
export function lessonVerdict({ reference, watched, quirks, edited }: VerdictInputs): LessonVerdict {
  const shown = watched ?? reference;
  const base = {
    message: null,
    verdict: '',
    text: '',
    where: '',
    event: '',
    firstNonFinite: null,
    reference: null,
    asWritten: null,
    search: null,
    stall: null,
  };
  if (!shown || shown.status === 'running') return { ...base, status: 'running' };
  if (shown.status === 'error') return { ...base, status: 'error', message: shown.message };
  const backend = shown.backend ?? 'cpu';
  const out: LessonVerdict = {
    ...base,
    status: 'done',
    verdict: shown.verdict ?? '',
    text: shown.text,
    where: watched ? `on ${backend}, the run you watch` : `on ${backend}`,
    event: event(shown),
    firstNonFinite: shown.firstNonFinite,
    stall: shown.stall ?? null,
  };
  const refDone = reference?.status === 'done' ? reference : null;
  if (refDone && watched && !edited && backend !== 'cpu' && !sameEvent(refDone, watched)) {
    out.reference = `On cpu, the reference the command line uses, the same run shows: ${event(refDone)}. ${cause(backend, quirks)}`;
  }
  if (refDone && edited) out.asWritten = `The lesson as written, on cpu: ${refDone.text} (${event(refDone)}).`;
  if (refDone?.variant && !edited) out.search = `it would hold with ${refDone.variant.setting}`;
  return out;
}
