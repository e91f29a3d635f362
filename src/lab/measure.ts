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

export interface MeasureOptions {
  runs: number;
  /** Steps per timed run (at least; see minRunMs). */
  steps: number;
  /** Untimed steps per stepper before anything else. */
  warmup: number;
  /** Then whole untimed rounds until every stepper has run this long. */
  warmupMs?: number;
  /** Lengthen runs so that the fastest stepper's run lasts about this long (from the warm-up's pace). */
  minRunMs?: number;
  now: () => number;
}

/**
 * Warm up, then `runs` interleaved rounds. JavaScript's JIT needs thousands of small steps before a
 * step's cost settles (timing before that ranks the mode that ran first last), and a run of 0.1 s
 * is at the mercy of one garbage collection: hence the timed warm-up and the minimum run length.
 */
export async function measureInterleaved(steppers: Stepper[], options: MeasureOptions): Promise<Timed[]> {
  for (const s of steppers) for (let i = 0; i < options.warmup; i++) await s.step();
  const warmed = steppers.map(() => ({ ms: 0, steps: 0 }));
  while (warmed.some((w) => w.ms < (options.warmupMs ?? 0))) {
    for (let k = 0; k < steppers.length; k++) {
      const t0 = options.now();
      for (let i = 0; i < options.steps; i++) await steppers[k]!.step();
      warmed[k]!.ms += options.now() - t0;
      warmed[k]!.steps += options.steps;
    }
  }
  const fastestStepMs = Math.min(...warmed.map((w) => (w.steps > 0 ? w.ms / w.steps : Infinity)));
  const steps =
    Number.isFinite(fastestStepMs) && fastestStepMs > 0 ? Math.max(options.steps, Math.ceil((options.minRunMs ?? 0) / fastestStepMs)) : options.steps;
  const figures = steppers.map(() => [] as number[]);
  for (let r = 0; r < options.runs; r++) {
    for (let j = 0; j < steppers.length; j++) {
      const k = (r + j) % steppers.length;
      const s = steppers[k]!;
      const t0 = options.now();
      for (let i = 0; i < steps; i++) await s.step();
      const seconds = (options.now() - t0) / 1000;
      figures[k]!.push(steps / seconds);
    }
  }
  return steppers.map((s, k) => ({ mode: s.mode, stepsPerSecond: figures[k]!, median: median(figures[k]!) }));
}
