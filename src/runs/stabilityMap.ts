/**
 * Running a stability map: each cell is the base scenario with its two axis values, run for the
 * scenario's steps by runScenario (the function the CLI's `run` uses), and summarised as where it
 * first turned non-finite. The page's map workers and the CLI's `map` both call runMapCell, so a
 * cell shows the same numbers in either.
 */
import type { Scenario } from '../engine/scenario';
import { coarseToFine } from '../scenarios/cellOrder';
import { axisValues, cellScenario, type MapCell, type MapSpec } from '../scenarios/stabilityGrid';
import { runScenario, type TrainerFactory } from './runScenario';

/** The axis values, computed once per map rather than once per cell. */
export type MapValues = { x: number[]; y: number[] };

export function mapValues(spec: MapSpec): MapValues {
  return { x: axisValues(spec.x), y: axisValues(spec.y) };
}

/**
 * Run cell (i, j) to its first non-finite step or its last step. A cell never continues past a
 * flag (whatever the base's "keep going" says): what it shows is the step of the first one, and the
 * steps after it would only cost time.
 */
export function runMapCell(base: Scenario, spec: MapSpec, at: { i: number; j: number }, createTrainer: TrainerFactory, values = mapValues(spec)): MapCell {
  const { i, j } = at;
  const place = { i, j, x: values.x[i]!, y: values.y[j]! };
  try {
    // The dense fast path where the cell's scenario allows it (same records bit for bit, several times the steps/s on cpu).
    const run = runScenario({ ...cellScenario(base, spec, i, j, values), continueOnFlag: false }, createTrainer, { densePath: 'auto' });
    const f = run.firstNonFinite;
    return { ...place, firstNonFinite: f?.step ?? null, kind: f?.kind ?? null, quantity: f?.quantity ?? null, finalLoss: run.finalLoss };
  } catch (e) {
    return { ...place, firstNonFinite: null, kind: null, quantity: null, finalLoss: null, error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
}

/** Every cell of the map, computed coarse to fine (`onCell` hears each as it is done); returned row by row, j then i. */
export function runMap(base: Scenario, spec: MapSpec, createTrainer: TrainerFactory, onCell?: (cell: MapCell) => void): MapCell[] {
  const values = mapValues(spec);
  const cells: MapCell[] = [];
  for (const at of coarseToFine(spec.x.cells, spec.y.cells)) {
    const cell = runMapCell(base, spec, at, createTrainer, values);
    cells.push(cell);
    onCell?.(cell);
  }
  return cells.sort((a, b) => a.j - b.j || a.i - b.i);
}
