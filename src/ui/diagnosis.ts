/**
 * Plain-language diagnosis from the sentinel's report, and the fixes worth trying. Pure functions
 * of (report, warnings, scenario), so the wording and the choice of fixes are unit-tested.
 */
import type { NonFiniteReport, SentinelWarning } from '../engine/records';
import { SCIENTIFIC, showKind, showNumber } from '../engine/numberFormat';
import type { Scenario } from '../engine/scenario';

export interface Fix {
  id: 'lowerLr' | 'normalize' | 'clip' | 'epsilon' | 'float32' | 'stableLoss' | 'fixBackward' | 'meanReduction';
  label: string;
  why: string;
  patch: Partial<Scenario>;
}

export interface Diagnosis {
  headline: string;
  details: string[];
  fixes: Fix[];
}

const PHASE_WORDS: Record<string, string> = {
  data: 'while preparing the data',
  forward: 'in the forward pass',
  loss: 'while computing the loss',
  backward: 'in the backward pass (gradients)',
  clip: 'while clipping the gradients',
  update: 'in the optimizer update',
};

/** "grad/dense1/kernel" → "the gradient of dense1/kernel", and so on for the engine's names. */
export function describeQuantity(q: string): string {
  const rest = (prefix: string) => q.slice(prefix.length);
  if (q === 'loss/value') return 'the loss';
  if (q === 'gradNorm') return 'the global gradient norm';
  if (q === 'loss/elements') return 'the per-sample losses';
  if (q.startsWith('loss/')) return `a term inside the loss (${rest('loss/')})`;
  if (q.startsWith('grad/')) return `the gradient of ${rest('grad/')}`;
  if (q.startsWith('param/')) return `the weights ${rest('param/')}`;
  if (q.startsWith('adam/m/') || q.startsWith('adamw/m/')) return `the optimizer's running mean of the gradient of ${q.split('/').slice(2).join('/')}`;
  if (q.startsWith('adam/v/') || q.startsWith('adamw/v/')) return `the optimizer's running mean of squared gradients of ${q.split('/').slice(2).join('/')}`;
  if (q.endsWith('/preact')) return `the pre-activation (weighted sum) of layer ${q.slice(0, -'/preact'.length)}`;
  if (q.endsWith('/act')) return `the activation of layer ${q.slice(0, -'/act'.length)}`;
  if (q.startsWith('data/')) return `the input data (${rest('data/')})`;
  return q;
}

/** float16's smallest subnormal is 2^-24; anything under half of it is stored as 0. bfloat16 has float32's range. */
const FLOAT16_ROUNDS_TO_ZERO = 2 ** -25;

/** Whether a value this small is stored as 0 at this precision. */
export function roundsToZero(x: number, precision: Scenario['precision']): boolean {
  return precision === 'float16' && x !== 0 && Math.abs(x) < FLOAT16_ROUNDS_TO_ZERO;
}

/** Which fixes apply, most relevant first, at most three. */
export function suggestFixes(report: NonFiniteReport | null, s: Scenario): Fix[] {
  const out: Fix[] = [];
  const add = (f: Fix): void => {
    if (!out.some((o) => o.id === f.id)) out.push(f);
  };
  const q = report?.quantity ?? '';
  const phase = report?.phase ?? 'update';
  if (s.gradFault) add({ id: 'fixBackward', label: 'Fix the backward', why: 'the hand-written gradient divides by zero', patch: { gradFault: false } });
  // Adam's ε below float16's smallest step is stored as 0: the run fails by underflow, not overflow,
  // and the fix is a larger ε that float16 can hold (float32 is the other way out).
  if ((s.optimizer === 'adam' || s.optimizer === 'adamw') && roundsToZero(s.adamEps, s.precision)) {
    add({
      id: 'epsilon',
      label: "Raise Adam's ε to 1e-4",
      why: `${s.precision} rounds ε = ${showNumber(s.adamEps, SCIENTIFIC)} to 0, so Adam divides by √v + 0`,
      patch: { adamEps: 1e-4 },
    });
  }
  if (s.precision !== 'float32')
    add({
      id: 'float32',
      label: 'Use float32',
      why: s.precision === 'float16' ? 'float16 overflows above 65,504 and rounds anything below 6e-8 to 0' : 'bfloat16 keeps only 8 bits of mantissa',
      patch: { precision: 'float32' },
    });
  if (s.loss === 'bce' && s.epsPlacement !== 'both')
    add({
      id: 'epsilon',
      label: 'Add ε inside both logs',
      why: 'log(0) is −Inf when a probability is exactly 0 or 1',
      patch: { epsPlacement: 'both', lossEps: s.lossEps > 0 ? s.lossEps : 1e-7 },
    });
  if (s.loss === 'bce') add({ id: 'stableLoss', label: 'Use BCE with logits', why: 'the logits form never takes log(0)', patch: { loss: 'bceLogits' } });
  if (s.loss === 'ratio' && s.lossEps === 0)
    add({ id: 'epsilon', label: 'Add ε to the ratio', why: '0/0 is NaN when an error is exactly 0', patch: { lossEps: 1e-7 } });
  if ((s.optimizer === 'adam' || s.optimizer === 'adamw') && s.adamEps === 0 && (q.includes('adam') || phase === 'update')) {
    add({ id: 'epsilon', label: 'Put ε back in Adam', why: 'Adam divides by √v + ε; with ε = 0 a zero gradient gives 0/0', patch: { adamEps: 1e-8 } });
  }
  if (s.normalization === 'none' && (s.inputScale > 10 || s.dataset === 'articleLinear' || s.outlierFraction > 0)) {
    add({
      id: 'normalize',
      label: 'Normalise inputs',
      why: 'large or unevenly scaled inputs give huge gradients',
      patch: { normalization: s.outlierFraction > 0 ? 'iqr' : 'zscore' },
    });
  }
  if (s.reduction === 'sum' && (phase === 'loss' || phase === 'backward'))
    add({
      id: 'meanReduction',
      label: 'Average the loss',
      why: 'a sum grows with the number of samples, and so do the gradients',
      patch: { reduction: 'mean' },
    });
  if (s.clipping === 'none' && (phase === 'backward' || phase === 'update' || phase === 'forward'))
    add({ id: 'clip', label: 'Clip gradients (norm 1)', why: 'caps the size of one update', patch: { clipping: 'norm', clipValue: 1 } });
  add({
    id: 'lowerLr',
    label: 'Lower the learning rate ×10',
    why: `smaller steps (lr ${showNumber(s.lr, SCIENTIFIC)} → ${showNumber(s.lr / 10, SCIENTIFIC)})`,
    patch: { lr: Math.max(1e-8, s.lr / 10) },
  });
  return out.slice(0, 3);
}

/** What the diagnosis needs to know of the backend's measured edge cases (BackendStatus.quirks). */
export interface QuirkNote {
  id: string;
  description: string;
}

/**
 * Where the verdict came from, and whether another backend could disagree: the quirks are the edge
 * cases measured on this backend when it started, so the user sees why a cpu run may differ.
 */
function backendLine(report: NonFiniteReport, quirks: readonly QuirkNote[]): string {
  const where = `Measured on ${report.backend} in ${report.precision}.`;
  if (report.backend === 'cpu') return `${where} The cpu backend follows IEEE float32, the reference for the other backends.`;
  // Nothing more is promised than was measured: the probe covers elementwise edge cases and a mean and a sum
  // that overflow, not every reduction order, so rounding can still move the flag by a step.
  if (quirks.length === 0)
    return `${where} This backend gave the cpu's IEEE float32 result in every edge case checked when it started (elementwise, and a mean and a sum that overflow); rounding in long sums can still differ, so the cpu may flag another step.`;
  return `${where} Its arithmetic differs from IEEE float32 in ${quirks.length} edge case${quirks.length > 1 ? 's' : ''} measured when it started (listed below), so the cpu can flag another step or quantity.`;
}

export function diagnose(report: NonFiniteReport | null, warnings: SentinelWarning[], s: Scenario, quirks: readonly QuirkNote[] = []): Diagnosis | null {
  if (!report) {
    const w = warnings[warnings.length - 1];
    if (!w) return null;
    return {
      headline: `Warning at step ${w.step}: ${describeQuantity(w.quantity)} is heading for overflow.`,
      details: [w.message],
      fixes: suggestFixes(null, s),
    };
  }
  const what = describeQuantity(report.quantity);
  const headline = `${showKind(report.kind)} first appeared in ${what} ${PHASE_WORDS[report.phase] ?? `(${report.phase})`} at step ${report.step}.`;
  const details: string[] = [];
  if (report.lastFiniteMaxAbs !== null) details.push(`One step earlier its largest value was ${showNumber(report.lastFiniteMaxAbs, SCIENTIFIC)}.`);
  const bad = report.counts.nan + report.counts.posInf + report.counts.negInf;
  details.push(`${bad} of its ${report.size} values were non-finite (NaN ${report.counts.nan}, +Inf ${report.counts.posInf}, −Inf ${report.counts.negInf}).`);
  for (const g of report.growth) {
    // Growth history can repeat a value (one entry per check); show each change once.
    const v = g.values.filter((x, i, all) => Number.isFinite(x) && x !== all[i - 1]);
    if (v.length >= 2)
      details.push(
        `Before it, ${describeQuantity(g.quantity)} went ${v
          .slice(-4)
          .map((x) => showNumber(x, SCIENTIFIC))
          .join(' → ')}.`,
      );
  }
  if (report.cascade.length > 0) {
    const next = report.cascade
      .slice(0, 3)
      .map((c) => c.quantity)
      .join(', ');
    details.push(`Then, in the same step: ${next}${report.cascade.length > 3 ? ` and ${report.cascade.length - 3} more` : ''}.`);
  }
  details.push(backendLine(report, quirks));
  return { headline, details, fixes: suggestFixes(report, s) };
}
