/**
 * The outcome worker: runs an opened preset as the article wrote it, decides the article's claim,
 * and where the claim fails searches for the nearest setting under which it holds
 * (src/runs/outcome.ts). The reference runs on the cpu backend, the IEEE float32 reference the command
 * line also uses, so the app and `npm run cli -- run --preset id` report the same outcome; the run on
 * screen is decided again on its own backend (and as edited), without the search. It has a worker of
 * its own so the search's short runs never hold up the training the user watches.
 */
import { createTrainer, initBackend, type BackendName, type BackendStatus } from '../engine';
import { WASM_PATHS } from '../platform/wasmPaths';
import { computeOutcome } from '../runs/outcome';
import { presetOutcomeOf } from '../runs/presetOutcomeOf';
import { presetById, presetScenario } from '../scenarios/presets';
import type { PresetOutcome } from '../scenarios/presetOutcome';
import type { FromOutcomeWorker, ToOutcomeWorker } from './outcomeProtocol';

const post = (m: FromOutcomeWorker): void => (self as unknown as Worker).postMessage(m);

// Most questions run on cpu; a backend is started again only when a question asks for another one.
let current: BackendStatus | null = null;

async function startBackend(name: BackendName, model: Parameters<typeof initBackend>[1]): Promise<BackendStatus> {
  if (current?.active === name) return current;
  current = null;
  const status = await initBackend(name, model, { wasmPaths: WASM_PATHS });
  // A fallback would decide the claim on another backend than the run on screen: say so instead.
  if (status.active !== name) throw new Error(`the ${name} backend could not start in the outcome worker (${status.reason ?? 'no reason given'})`);
  current = status;
  return status;
}

async function outcomeOf(m: ToOutcomeWorker): Promise<PresetOutcome> {
  const { presetId } = m;
  const preset = presetById(presetId);
  if (!preset) throw new Error(`no preset "${presetId}"`);
  const scenario = m.scenario ?? presetScenario(preset);
  const status = await startBackend(m.backend ?? 'cpu', scenario.model);
  const { run, outcome } = computeOutcome(scenario, preset.claim.check, createTrainer, { preset: preset.id, search: m.search ?? true });
  return presetOutcomeOf(presetId, status.active, run, outcome);
}

// One request at a time, in order: each awaits the backend, then runs synchronously.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<ToOutcomeWorker>) => {
  const { requestId } = event.data;
  queue = queue
    .then(async () => post({ type: 'outcome', requestId, outcome: await outcomeOf(event.data) }))
    .catch((e: unknown) => post({ type: 'outcomeError', requestId, message: e instanceof Error ? e.message : String(e) }));
};
