/**
 * A stability-map worker: the page keeps a pool of them and hands each one cell at a time. A cell
 * is the map's runMapCell (src/runs/stabilityMap.ts), the function the CLI's `map` calls, on cpu or
 * wasm, so the page and the command line draw the same grid. One cell at a time, in order: each
 * waits for its backend, then trains synchronously.
 */
import { createTrainer, initBackend, unsupportedReason, type BackendStatus } from '../engine';
import { WASM_PATHS } from '../platform/wasmPaths';
import { mapValues, runMapCell } from '../runs/stabilityMap';
import { cellScenario } from '../scenarios/stabilityGrid';
import type { FromMapWorker, ToMapWorker } from './mapProtocol';

const post = (m: FromMapWorker): void => (self as unknown as Worker).postMessage(m);

// A backend is started once per model kind (the U-Net registers kernels of its own).
const started = new Map<string, Promise<BackendStatus>>();

async function answer(m: ToMapWorker): Promise<FromMapWorker> {
  const key = `${m.backend}/${m.base.model}`;
  let status = started.get(key);
  if (!status) started.set(key, (status = initBackend(m.backend, m.base.model, { wasmPaths: WASM_PATHS })));
  const active = (await status).active;
  if (active !== m.backend)
    return { type: 'failed', jobId: m.jobId, message: `${m.backend} did not start here (${(await status).reason ?? 'no reason given'})` };
  const t0 = performance.now();
  const why = unsupportedReason(cellScenario(m.base, m.spec, m.i, m.j), active);
  const cell = why
    ? {
        i: m.i,
        j: m.j,
        x: mapValues(m.spec).x[m.i]!,
        y: mapValues(m.spec).y[m.j]!,
        firstNonFinite: null,
        kind: null,
        quantity: null,
        finalLoss: null,
        error: why,
      }
    : runMapCell(m.base, m.spec, { i: m.i, j: m.j }, createTrainer);
  return { type: 'cell', jobId: m.jobId, cell, ms: performance.now() - t0 };
}

let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<ToMapWorker>) => {
  const m = event.data;
  queue = queue
    .then(async () => post(await answer(m)))
    .catch((e: unknown) => post({ type: 'failed', jobId: m.jobId, message: e instanceof Error ? e.message : String(e) }));
};
