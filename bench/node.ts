// The Node half of the benchmark: the reference models on tfjs's cpu and wasm backends.
import { performance } from 'node:perf_hooks';
import { initBackend } from '../src/engine/backend';
import { unsupportedReason } from '../src/engine';
import { benchModel } from '../src/lab/benchModel';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import type { BenchRow } from './table';

// Models a backend needs minutes per step for in Node, not timed. None now: with our cpu kernels a 64×64 U-Net step
// takes about 2.4 s on cpu (docs/BACKENDS.md), and wasm trains both U-Nets.
const TOO_SLOW_IN_NODE: Record<string, string[]> = {};

/** Time every reference model on cpu and wasm in this process. */
export async function benchNode(runs: number, models: string[], backends: string[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const backend of (['cpu', 'wasm'] as const).filter((b) => backends.includes(b))) {
    for (const model of REFERENCE_MODELS.filter((m) => models.includes(m.id))) {
      const base = { environment: 'node', backend, model: model.id, label: model.label };
      const status = await initBackend(backend, model.scenario.model);
      const why =
        status.active !== backend
          ? `${backend} did not start: ${status.reason}`
          : (unsupportedReason(model.scenario, backend) ??
            (TOO_SLOW_IN_NODE[backend]?.includes(model.id) ? 'one step takes minutes on this backend in Node' : null));
      if (why) {
        rows.push({ ...base, skipped: why });
        continue;
      }
      process.stderr.write(`bench: node ${backend} ${model.id}…\n`);
      rows.push({ ...base, ...(await benchModel(model, model.steps.node, runs, () => performance.now())) });
    }
  }
  return rows;
}
