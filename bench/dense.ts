/**
 * `npm run bench -- --only dense`: the dense fast path (src/engine/dense/) against a bare tfjs cpu
 * loop and the engine on tfjs, on TensorFlow Playground's default network and on the autoencoder,
 * in this one process, interleaved (src/lab/measure.ts), medians of the runs.
 */
import { performance } from 'node:perf_hooks';
import { initBackend } from '../src/engine/backend';
import { barePlayground, bareAutoencoder } from '../src/lab/bareLoops';
import { engineStepper } from '../src/lab/engineStepper';
import { measureInterleaved, type Stepper, type Timed } from '../src/lab/measure';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import { PRESETS, presetScenario } from '../src/scenarios/presets';

export interface DenseBenchRow {
  model: string;
  modes: Timed[];
  /** dense path (sentinel on) ÷ bare tfjs loop, and ÷ the engine on tfjs (sentinel on), from the medians. */
  vsBare: number;
  vsEngine: number;
}

function playgroundScenario() {
  const p = PRESETS.find((q) => q.id === 'playground-circle');
  if (!p) throw new Error('the playground-circle preset is gone');
  return presetScenario(p);
}

/** Time the two models in four modes each. */
export async function benchDense(runs: number): Promise<DenseBenchRow[]> {
  const status = await initBackend('cpu', 'mlp');
  if (status.active !== 'cpu') throw new Error(`cpu did not start: ${status.reason}`);
  const autoencoder = REFERENCE_MODELS.find((m) => m.id === 'autoencoder')!.scenario;
  const cases: { model: string; bare: () => Stepper; scenario: ReturnType<typeof playgroundScenario> }[] = [
    { model: 'playground-circle (2→4→2→1 tanh, batch 10, SGD)', bare: barePlayground, scenario: playgroundScenario() },
    { model: 'autoencoder 10→5→10, 100 samples, Adam', bare: bareAutoencoder, scenario: autoencoder },
  ];
  const out: DenseBenchRow[] = [];
  for (const c of cases) {
    process.stderr.write(`bench: dense ${c.model}…\n`);
    const steppers = [c.bare(), engineStepper(c.scenario, 'fast'), engineStepper(c.scenario, 'off', 'auto'), engineStepper(c.scenario, 'fast', 'auto')];
    try {
      const modes = await measureInterleaved(steppers, { runs, steps: 200, warmup: 50, warmupMs: 2000, minRunMs: 250, now: () => performance.now() });
      const [bare, engine, , dense] = modes.map((m) => m.median) as [number, number, number, number];
      out.push({ model: c.model, modes, vsBare: dense / bare, vsEngine: dense / engine });
    } finally {
      steppers.forEach((s) => s.dispose());
    }
  }
  return out;
}

/** The section as Markdown. */
export function renderDenseTable(rows: DenseBenchRow[]): string {
  const modes = rows[0]?.modes.map((m) => m.mode) ?? [];
  const head = `| model | ${modes.join(' | ')} | dense ÷ bare | dense ÷ engine |`;
  const rule = `|---|${modes.map(() => '---:').join('|')}|---:|---:|`;
  const body = rows.map(
    (r) =>
      `| ${r.model} | ${r.modes.map((m) => Math.round(m.median).toLocaleString('en')).join(' | ')} | ${r.vsBare.toFixed(1)}× | ${r.vsEngine.toFixed(1)}× |`,
  );
  return [head, rule, ...body].join('\n');
}
