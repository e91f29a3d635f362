/**
 * How fast the worker trains. "auto" (the default) fills each tick with as many steps as fit in a
 * time budget shorter than a frame, so a tiny model trains thousands of steps a second while the
 * charts still update every frame, and a slow model takes one step per tick. A number is a fixed
 * count of steps per frame (a class watching 1 step per frame). It travels in a link as ?speed=.
 */
export type Speed = 'auto' | number;

export const DEFAULT_SPEED: Speed = 'auto';
/** The fixed speeds offered in the select (a link may carry any other whole number in range). */
export const FIXED_SPEEDS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500];
export const MAX_SPEED = 1000;

/** The speed a link's ?speed= value names, or null when it names none. */
export function parseSpeed(raw: string): Speed | null {
  if (raw === 'auto') return 'auto';
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_SPEED ? n : null;
}

export const SPEED_RULE = `"auto" or a whole number 1…${MAX_SPEED} (steps per frame)`;
