/**
 * The training worker: the only place in the browser app that touches tfjs. It wires the
 * TrainingLoop (trainingLoop.ts) to postMessage, the clock and the engine. WebGL works here because
 * Chromium gives workers OffscreenCanvas and tfjs uses it; where a browser has none, initBackend
 * says so and falls back to cpu (shown in the top bar).
 */
import { initBackend, memoryInUse } from '../engine';
import { activeLimits, deviceLost, loseDevice, watchDevice } from '../engine/activeDevice';
import { admit, browserBudget } from '../engine/admission';
import { WASM_PATHS } from '../platform/wasmPaths';
import type { FromWorker, ToWorker } from './protocol';
import { probeSandbox } from './sandboxProbe';
import { createTrainerFor } from './trainerFactory';
import { TrainingLoop } from './trainingLoop';

// MessageChannel yields to the event loop without setTimeout's minimum clamp, so control messages
// interleave with training ticks.
const channel = new MessageChannel();
const due: (() => void)[] = [];
channel.port1.onmessage = () => due.shift()?.();
function yieldThen(cb: () => void): void {
  due.push(cb);
  channel.port2.postMessage(null);
}

// Chromium's navigator.deviceMemory (rounded and capped: 16 GiB in the headless Chromium 156 here); engine/admission.ts says what applies without it.
const budget = browserBudget((navigator as { deviceMemory?: number }).deviceMemory);

const loop = new TrainingLoop({
  post: (m: FromWorker) => (self as unknown as Worker).postMessage(m),
  schedule: (delayMs, cb) => {
    if (delayMs > 1) setTimeout(() => yieldThen(cb), delayMs);
    else yieldThen(cb);
  },
  now: () => performance.now(),
  initBackend: async (requested, model) => {
    const status = await initBackend(requested, model, { wasmPaths: WASM_PATHS });
    watchDevice();
    const { flopsPerSecond } = activeLimits(status.active);
    return flopsPerSecond === undefined ? status : { ...status, flopsPerSecond };
  },
  admit: (scenario, backend, budgetBytes) => admit(scenario, backend, budgetBytes ?? budget, activeLimits(backend)),
  makeTrainer: createTrainerFor,
  memoryInUse,
  deviceLost,
  loseDevice,
  probeSandbox,
});

self.onmessage = (event: MessageEvent<ToWorker>) => void loop.receive(event.data);
