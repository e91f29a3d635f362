/**
 * One benchmark cell: a reference model on the active backend in three modes (bare tfjs loop,
 * engine with the sentinel off, engine with it on), timed interleaved in this one process.
 */
import { engineStepper } from './engineStepper';
import { measureInterleaved, type Timed } from './measure';
import type { ReferenceModel } from './referenceModels';

export interface BenchCell {
  model: string;
  modes: Timed[];
  /** sentinel on ÷ sentinel off, engine (sentinel off) ÷ bare loop, and engine (sentinel on) ÷ bare loop, from the medians. */
  sentinelRatio: number;
  engineRatio: number;
  watchedRatio: number;
}

/** Untimed time per mode before measuring: the cpu backend's small steps take ~2 s of JIT to settle. */
const WARMUP_MS = 2000;
/** A timed run lasts at least this long for the fastest mode (short runs are one GC pause from noise). */
const MIN_RUN_MS = 1000;

/** Time one reference model in all three modes; `steps` per run, `runs` runs (medians over runs). */
export async function benchModel(model: ReferenceModel, steps: number, runs: number, now: () => number): Promise<BenchCell> {
  const steppers = [model.bare(), engineStepper(model.scenario, 'off'), engineStepper(model.scenario, 'fast')];
  try {
    const modes = await measureInterleaved(steppers, {
      runs,
      steps,
      warmup: Math.max(2, Math.ceil(steps / 5)),
      warmupMs: WARMUP_MS,
      minRunMs: MIN_RUN_MS,
      now,
    });
    const [bare, off, on] = modes.map((m) => m.median) as [number, number, number];
    return { model: model.id, modes, sentinelRatio: on / off, engineRatio: off / bare, watchedRatio: on / bare };
  } finally {
    for (const s of steppers) s.dispose();
  }
}
