/**
 * `npm run cli -- map`: every cell of the map run in this process on cpu or wasm, by the same
 * runMapCell the page's map workers use, so the grid it prints is the grid the app draws.
 */
import type { createTrainer, initBackend, unsupportedReason } from '../engine/index';
import type { Scenario } from '../engine/scenario';
import { formatNumber } from '../scenarios/codec';
import { axisValues, cellScenario, mapField, type MapSpec } from '../scenarios/stabilityGrid';
import { runMap } from '../runs/stabilityMap';
import type { CliPlan } from './args';
import { buildMapReport, type MapReport } from './mapReport';

export type MapPlan = Extract<CliPlan, { command: 'map' }>;

interface Engine {
  createTrainer: typeof createTrainer;
  initBackend: typeof initBackend;
  unsupportedReason: typeof unsupportedReason;
}

/** Each cell's scenario and its name in a message ("the cell lr=0.01, scale=1e6"). */
export function mapCellScenarios(base: Scenario, spec: MapSpec): { scenario: Scenario; where: string }[] {
  const values = { x: axisValues(spec.x), y: axisValues(spec.y) };
  const name = (axis: MapSpec['x'], v: number): string => `${mapField(axis.key)!.url}=${formatNumber(v)}`;
  return values.y.flatMap((y, j) =>
    values.x.map((x, i) => ({ scenario: cellScenario(base, spec, i, j, values), where: `the cell ${name(spec.x, x)}, ${name(spec.y, y)}` })),
  );
}

/** Run the map; an error says which exit status it deserves (2: the scenario cannot run there; 1: the backend failed). */
export async function mapCommand(plan: MapPlan, engine: Engine): Promise<MapReport | { code: 1 | 2; error: string }> {
  const status = await engine.initBackend(plan.backend, plan.scenario.model);
  if (status.active !== plan.backend) return { code: 1, error: `backend ${plan.backend} could not start: ${status.reason ?? 'unknown reason'}` };
  const why = engine.unsupportedReason(plan.scenario, plan.backend);
  if (why) return { code: 2, error: `scenario cannot run on ${plan.backend}: ${why}` };
  const total = plan.spec.x.cells * plan.spec.y.cells;
  let done = 0;
  // Progress only for a person watching: a pipe or a test reads stdout and one-line errors.
  const progress = process.stderr.isTTY ? () => process.stderr.write(`\rmap: ${++done} of ${total} cells`) : undefined;
  const cells = runMap(plan.scenario, plan.spec, engine.createTrainer, progress);
  if (progress) process.stderr.write('\n');
  return buildMapReport({ scenario: plan.scenario, preset: plan.preset, backend: status.active, spec: plan.spec, cells });
}
