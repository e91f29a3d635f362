/**
 * The stability map's colours. The step of the first non-finite value is a sequential scale,
 * viridis (perceptually even and readable with the common colour-vision deficiencies): dark purple
 * for a run that breaks at once, yellow for one that breaks at its last step. "Finite throughout" is
 * a light grey outside that scale, and the kind is a glyph, so colour is never the only cue.
 */

// Viridis at nine even stops (matplotlib's table).
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

export const FINITE_COLOUR = '#e6e6e6';
/** A cell not computed yet. */
export const PENDING_COLOUR = '#ffffff';

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];
const hex = (c: readonly number[]): string => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Viridis at t in [0, 1], interpolated between its stops. */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const [a, b] = [rgb(VIRIDIS[k]!), rgb(VIRIDIS[k + 1]!)];
  return hex(a.map((v, n) => v + (b[n]! - v) * (x - k)));
}

/**
 * Where step `step` of `steps` sits on the scale: by decades of steps, since most maps break within
 * the first few steps or near the boundary late, and a linear scale would paint every early step alike.
 */
export function stepShare(step: number, steps: number): number {
  return steps <= 1 ? 0 : Math.log(Math.max(1, step)) / Math.log(steps);
}

export function stepColour(step: number, steps: number): string {
  return viridis(stepShare(step, steps));
}

/** Black or white, whichever reads better on `background` (by its relative luminance). */
export function textOn(background: string): string {
  const [r, g, b] = rgb(background).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.22 ? '#000000' : '#ffffff';
}
