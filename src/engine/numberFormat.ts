/**
 * Numbers as people read them: axis ticks, sentences, notices, the CLI's text. Never parsed back
 * (the URL codec's formatNumber writes exact values). Whatever the style, a non-finite value is
 * written NaN, +Inf or −Inf, so a chart label, a diagnosis and the CLI name it the same way.
 * It lives in the engine because every layer may import the engine.
 */
import { nonFiniteKind, type NonFiniteKind } from './records';

export interface NumberStyle {
  /** Significant digits of a number written plainly. */
  digits: number;
  /** Magnitudes at or above this are written with an exponent. */
  exponentFrom?: number;
  /** Non-zero magnitudes below this are written with an exponent. */
  exponentBelow?: number;
  /** Digits after the point of an exponent's mantissa: 0 gives 1e-7, 2 gives 1.00e-7. */
  mantissaDigits?: number;
  /** Write a positive exponent as e+4 rather than e4. */
  exponentPlus?: boolean;
}

/** Four significant digits, exponents only where JavaScript writes them: losses and measured values. */
export const PLAIN: NumberStyle = { digits: 4 };
/** Axis ticks: as short as possible (1e-7, 0.03, 250, 1e9). */
export const TICK: NumberStyle = { digits: 3, exponentFrom: 1e5, exponentBelow: 1e-3, mantissaDigits: 0 };
/** Magnitudes in a diagnosis: a growth of 1.00e+4 → 1.00e+8 reads as decades, with aligned mantissas. */
export const SCIENTIFIC: NumberStyle = { digits: 3, exponentFrom: 1e4, exponentBelow: 1e-3, mantissaDigits: 2, exponentPlus: true };

// U+2212 for −Inf: the UI's typography, and it cannot be mistaken for the ASCII kind name.
const NON_FINITE_TEXT: Readonly<Record<NonFiniteKind, string>> = { NaN: 'NaN', '+Inf': '+Inf', '-Inf': '−Inf' };

/** "1 step", "30 steps": a count with its noun (a regular plural: add s). */
export function plural(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** A non-finite kind as people read it: NaN, +Inf, −Inf (the records' ASCII "-Inf" is for machines). */
export function showKind(kind: string): string {
  return NON_FINITE_TEXT[kind as NonFiniteKind] ?? kind;
}

/** x written for people in the given style (PLAIN unless told). */
export function showNumber(x: number, style: NumberStyle = PLAIN): string {
  const kind = nonFiniteKind(x);
  if (kind !== null) return NON_FINITE_TEXT[kind];
  const a = Math.abs(x);
  const exponent = a !== 0 && ((style.exponentFrom !== undefined && a >= style.exponentFrom) || (style.exponentBelow !== undefined && a < style.exponentBelow));
  if (!exponent) return String(Number(x.toPrecision(style.digits))); // via Number: 0.25, not 0.250
  const text = x.toExponential(style.mantissaDigits ?? style.digits - 1);
  return style.exponentPlus ? text : text.replace('e+', 'e');
}
