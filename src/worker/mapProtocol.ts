/** Messages of a stability-map worker: one cell asked for, one cell answered (plain data, structured clone). */
import type { Scenario } from '../engine/scenario';
import type { MapBackend } from '../scenarios/mapLink';
import type { MapCell, MapSpec } from '../scenarios/stabilityGrid';

/** Run cell (i, j) of the map `spec` over `base` on `backend`; `jobId` tags the answer. */
export type ToMapWorker = { type: 'cell'; jobId: number; base: Scenario; spec: MapSpec; i: number; j: number; backend: MapBackend };

export type FromMapWorker =
  /** `ms`: how long the cell took in the worker. */
  | { type: 'cell'; jobId: number; cell: MapCell; ms: number }
  /** The backend did not start: no cell of this worker can run. */
  | { type: 'failed'; jobId: number; message: string };
