/**
 * Timing for the benchmark: medians of repeated runs, with the modes of one model interleaved and
 * rotated (A B C, B C A, C A B, …) so that a slow spell of the machine, or the garbage one mode
 * leaves for the next to collect, hits every mode alike.
 */

export interface Timed {
  mode: string;
  stepsPerSecond: number[]; // one figure per run
  median: number;
}

/** The median of a list of numbers (NaN for an empty list). */
export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Stepper {
  mode: string;
  /** One training step including its readback; resolves when the value is on the CPU. */
  step(): Promise<void> | void;
  dispose(): void;
}

/** Run each stepper `warmup` steps, then `runs` interleaved rounds of `steps` steps each. */
export async function measureInterleaved(
  steppers: Stepper[],
  options: { runs: number; steps: number; warmup: number; now: () => number },
): Promise<Timed[]> {
  for (const s of steppers) for (let i = 0; i < options.warmup; i++) await s.step();
  const figures = steppers.map(() => [] as number[]);
  for (let r = 0; r < options.runs; r++) {
    for (let j = 0; j < steppers.length; j++) {
      const k = (r + j) % steppers.length;
      const s = steppers[k]!;
      const t0 = options.now();
      for (let i = 0; i < options.steps; i++) await s.step();
      const seconds = (options.now() - t0) / 1000;
      figures[k]!.push(options.steps / seconds);
    }
  }
  return steppers.map((s, k) => ({ mode: s.mode, stepsPerSecond: figures[k]!, median: median(figures[k]!) }));
}
