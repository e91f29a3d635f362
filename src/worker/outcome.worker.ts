/**
 * The outcome worker: runs an opened preset as the article wrote it, decides the article's claim,
 * and where the claim fails searches for the nearest setting under which it holds
 * (src/runs/outcome.ts). It uses the cpu backend, the IEEE float32 reference the command line also
 * uses, so the app and `npm run cli -- run --preset id` report the same outcome. It has a worker of
 * its own so the search's short runs never hold up the training the user watches.
 */
import { createTrainer, initBackend } from '../engine';
import { computeOutcome, describeSetting } from '../runs/outcome';
import { presetById, presetScenario } from '../scenarios/presets';
import type { PresetOutcome } from '../scenarios/presetOutcome';
import type { FromOutcomeWorker, ToOutcomeWorker } from './outcomeProtocol';

const post = (m: FromOutcomeWorker): void => (self as unknown as Worker).postMessage(m);

// Every outcome runs on cpu, so the backend is started once for the worker's lifetime.
let cpu: ReturnType<typeof initBackend> | null = null;

async function outcomeOf(presetId: string): Promise<PresetOutcome> {
  const preset = presetById(presetId);
  if (!preset) throw new Error(`no preset "${presetId}"`);
  const scenario = presetScenario(preset);
  const status = await (cpu ??= initBackend('cpu', scenario.model));
  const { run, outcome } = computeOutcome(scenario, preset.claim.check, createTrainer, { preset: preset.id });
  const found = outcome.search?.found ?? null;
  return {
    presetId,
    status: 'done',
    message: null,
    backend: status.active,
    verdict: outcome.verdict,
    text: outcome.text,
    observed: outcome.observed,
    steps: run.steps,
    firstNonFinite: run.firstNonFinite,
    finalLoss: run.finalLoss,
    trials: (outcome.search?.tried ?? []).map((t) => ({ setting: describeSetting(t.key, t.value), holds: t.holds, observed: t.observed })),
    variant: found ? { setting: describeSetting(found.key, found.value), scenario: found.scenario } : null,
  };
}

// One request at a time, in order: each awaits the backend, then runs synchronously.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<ToOutcomeWorker>) => {
  const { requestId, presetId } = event.data;
  queue = queue
    .then(async () => post({ type: 'outcome', requestId, outcome: await outcomeOf(presetId) }))
    .catch((e: unknown) => post({ type: 'outcomeError', requestId, message: e instanceof Error ? e.message : String(e) }));
};
