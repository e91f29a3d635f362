/**
 * The settings' cost line in words: what the run will hold against the budget, the work of one
 * step, and how long a step takes here at the speed the cost model assumes for this backend (a
 * software GPU's measured one where the worker found one). Arithmetic on the scenario alone, the
 * same the worker's budget check does, so what the line says over the budget is what gets refused.
 */
import type { BackendStatus } from '../engine/backend';
import { STEP_FLOPS_PER_SECOND } from '../engine/backendLimits';
import { costOf } from '../engine/cost';
import { formatBytes, formatFlops, formatSeconds } from '../engine/costText';
import type { Scenario } from '../engine/scenario';

export interface CostSummary {
  /** "≈ 1.2 MB of the 3.4 GB budget". */
  memory: string;
  /** The run needs more than the budget: it will be refused. */
  over: boolean;
  /** "≈ 52 kFLOP a step". */
  work: string;
  /** "≈ 2 steps/s on wasm", "≈ 14 s a step on cpu", "under 0.1 s a step on cpu"; null before a backend is active. */
  pace: string | null;
}

/** Below this a step's time is the backend's per-step overhead, which FLOPs do not tell: the line says only that it is short. */
const SHORT_STEP_SECONDS = 0.01;

const FLOP_UNITS: [number, string][] = [
  [1e3, 'kFLOP'],
  [1, 'FLOP'],
];

/** formatFlops, with kFLOP for the small models (most lessons are). */
function work(flops: number): string {
  if (flops >= 1e6) return formatFlops(flops);
  const [size, unit] = FLOP_UNITS.find(([s]) => flops >= s) ?? [1, 'FLOP'];
  return `${Number((flops / size).toPrecision(2))} ${unit}`;
}

function pace(seconds: number, backend: string): string {
  if (seconds < SHORT_STEP_SECONDS) return `under ${SHORT_STEP_SECONDS} s a step on ${backend}`;
  if (seconds < 1) return `≈ ${Number((1 / seconds).toPrecision(2))} steps/s on ${backend}`;
  return `≈ ${formatSeconds(seconds)} a step on ${backend}`;
}

export function costSummary(s: Scenario, backend: BackendStatus | null, budgetBytes: number): CostSummary {
  const cost = costOf(s);
  const speed = backend ? (backend.flopsPerSecond ?? STEP_FLOPS_PER_SECOND[backend.active]) : null;
  return {
    memory: `≈ ${formatBytes(cost.bytes.total)} of the ${formatBytes(budgetBytes)} budget`,
    over: cost.bytes.total > budgetBytes,
    work: `≈ ${work(cost.flopsPerStep)} a step`,
    pace: backend && speed ? pace(cost.flopsPerStep / speed, backend.active) : null,
  };
}
