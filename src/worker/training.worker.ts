/**
 * The training worker: the only place in the browser app that touches tfjs. It initialises the
 * requested backend, drives a trainer in a loop that yields between ticks (so pause/step/configure
 * messages are handled promptly), and posts step records in batches plus previews a few times a
 * second. WebGL works here because Chromium gives workers OffscreenCanvas and tfjs uses it; where
 * a browser has no OffscreenCanvas, initBackend reports that and falls back to cpu (shown in the top bar).
 */
import { initBackend, type BackendStatus } from '../engine/backend';
import type { StepRecord } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import { WASM_PATHS } from '../platform/wasmPaths';
import type { FromWorker, ToWorker } from './protocol';
import { memoryInUse, type Snapshot, type Trainer } from '../engine';
import { createTrainerFor } from './trainerFactory';

const FRAME_MS = 1000 / 60;
/** A tick never runs longer than this, so a slow model still answers pause within a fraction of a second. */
const TICK_BUDGET_MS = 40;
const PREVIEW_EVERY_MS = 250;

interface Run {
  id: number;
  scenario: Scenario;
  trainer: Trainer | null;
  backend: BackendStatus | null;
}

let run: Run | null = null;
let running = false;
let stopAt: number | null = null;
let stepsPerTick = 1;
let pending: StepRecord[] = [];
let lastPreview = 0;
let reportSent = false;
let tickScheduled = false;

const post = (m: FromWorker): void => (self as unknown as Worker).postMessage(m);

// MessageChannel yields to the event loop without setTimeout's minimum clamp, so control messages
// interleave with training ticks.
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  tickScheduled = false;
  void tick();
};
/** The tick in progress, if any: a WebGPU tick awaits readbacks, and nothing may interleave with it. */
let tickInProgress: Promise<void> | null = null;
function schedule(delayMs: number): void {
  if (tickScheduled) return;
  tickScheduled = true;
  if (delayMs > 1) setTimeout(() => channel.port2.postMessage(null), delayMs);
  else channel.port2.postMessage(null);
}

function flush(force = false): void {
  if (!run) return;
  if (pending.length > 0) {
    post({ type: 'records', runId: run.id, records: pending });
    pending = [];
  }
  const trainer = run.trainer;
  if (trainer?.report && !reportSent) {
    reportSent = true;
    post({ type: 'report', runId: run.id, report: trainer.report });
  }
  const now = performance.now();
  if (trainer && (force || now - lastPreview >= PREVIEW_EVERY_MS)) {
    lastPreview = now;
    try {
      const id = run.id;
      // WebGPU reads back only asynchronously; the preview arrives a moment later, tagged with its run.
      if (trainer.asyncOnly) void trainer.previewAsync().then((preview) => post({ type: 'preview', runId: id, preview }), () => undefined);
      else post({ type: 'preview', runId: id, preview: trainer.preview() });
    } catch {
      // A preview of a diverged model may hold nothing drawable; the next one will try again.
    }
  }
}

function setRunning(next: boolean, why: string | null): void {
  running = next;
  if (run) post({ type: 'running', runId: run.id, running: next, step: run.trainer?.stepIndex ?? 0, why });
}

/** Take up to `count` steps while `goOn()` holds; returns why it stopped early, or null. */
async function takeSteps(count: number, budgetMs: number, goOn: () => boolean): Promise<string | null> {
  const trainer = run?.trainer;
  if (!trainer) return 'no model';
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    // WebGPU steps await, so a pause can arrive in the middle of a tick.
    if (!goOn()) return 'paused';
    if (trainer.paused) return 'flagged';
    if (stopAt !== null && trainer.stepIndex >= stopAt) return 'done';
    // WebGPU: an awaited readback; a configure message may replace the run meanwhile.
    const record = trainer.asyncOnly ? await trainer.stepAsync() : trainer.step();
    if (run?.trainer !== trainer) return 'replaced';
    pending.push(record);
    if (trainer.paused) return 'flagged';
    if (performance.now() - start > budgetMs) break;
  }
  return null;
}

function tick(): Promise<void> {
  if (!running || !run || tickInProgress) return Promise.resolve();
  tickInProgress = runTick().finally(() => (tickInProgress = null));
  return tickInProgress;
}

async function runTick(): Promise<void> {
  const start = performance.now();
  try {
    const why = await takeSteps(stepsPerTick, TICK_BUDGET_MS, () => running);
    if (why === 'replaced') {
      // A tick of the new run may have been skipped while this one awaited: start it now.
      if (running) schedule(0);
      return;
    }
    flush();
    if (why === 'paused' || (why === null && !running)) {
      // The pause was announced before this tick's last records: announce it again after them,
      // so the page's "stopped at step N" counts every step taken.
      setRunning(false, 'paused');
      return;
    }
    if (why) {
      flush(true);
      setRunning(false, why);
      return;
    }
  } catch (e) {
    fail(e);
    return;
  }
  schedule(Math.max(0, FRAME_MS - (performance.now() - start)));
}

function fail(e: unknown): void {
  running = false;
  // The stack goes to the console for whoever debugs; the message goes to the screen.
  console.error(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : e);
  const message = e instanceof Error ? e.message : String(e);
  post({ type: 'error', runId: run?.id ?? 0, message });
  if (run) post({ type: 'running', runId: run.id, running: false, step: run.trainer?.stepIndex ?? 0, why: 'error' });
}

async function configure(id: number, scenario: Scenario, keep: boolean): Promise<void> {
  const wasRunning = running;
  running = false;
  flush();
  pending = [];
  const previous = run;
  let carried: Snapshot | null = null;
  if (keep && previous?.trainer) {
    try {
      carried = previous.trainer.snapshot();
    } catch {
      carried = null;
    }
  }
  if (!keep) {
    reportSent = false;
    stopAt = null;
  }
  previous?.trainer?.dispose();
  run = { id, scenario, trainer: null, backend: null };
  const sameBackend = previous?.backend && previous.scenario.backend === scenario.backend && previous.scenario.model === scenario.model;
  const status = sameBackend && previous.backend ? previous.backend : await initBackend(scenario.backend, scenario.model, { wasmPaths: WASM_PATHS });
  run.backend = status;
  let made = createTrainerFor(scenario, status.active);
  if (keep && made.trainer) {
    let restored = false;
    if (carried) {
      try {
        made.trainer.restore(carried);
        restored = true;
      } catch {
        // A failed restore may have assigned some variables: start that trainer over cleanly.
        made.trainer.dispose();
        made = createTrainerFor(scenario, status.active);
      }
      carried.dispose();
    }
    if (!restored) {
      reportSent = false;
      post({ type: 'notice', runId: id, message: 'The new settings cannot reuse the current weights and optimizer state: training restarted from step 0.' });
      post({ type: 'restarted', runId: id });
    }
  } else {
    carried?.dispose();
  }
  run.trainer = made.trainer;
  post({ type: 'backend', runId: id, status, unsupported: made.unsupported });
  if (made.trainer) post({ type: 'model', runId: id, parameters: made.trainer.parameterNames() });
  flush(true);
  if (keep && wasRunning) {
    setRunning(true, null);
    schedule(0);
  }
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'configure':
      await configure(msg.runId, msg.scenario, msg.keep);
      return;
    case 'play':
      stopAt = msg.stopAt ?? null;
      if (!running) {
        setRunning(true, null);
        schedule(0);
      }
      return;
    case 'pause':
      if (running) setRunning(false, 'paused');
      flush(true);
      return;
    case 'step': {
      if (running) setRunning(false, 'paused');
      // A WebGPU tick may still be awaiting a step: one step at a time on the trainer.
      await tickInProgress;
      const why = await takeSteps(msg.count, Number.POSITIVE_INFINITY, () => true);
      flush(true);
      if (why === 'flagged') setRunning(false, why);
      return;
    }
    case 'reset':
      if (run) await configure(run.id, run.scenario, false);
      return;
    case 'setSpeed':
      stepsPerTick = Math.max(1, Math.floor(msg.stepsPerTick));
      return;
    case 'memory':
      post({ type: 'memory', runId: run?.id ?? 0, requestId: msg.requestId, ...memoryInUse() });
      return;
  }
}

// Messages are handled one after another: a `play` that arrives while `configure` is still
// initialising the backend waits for it instead of racing it.
let queue: Promise<void> = Promise.resolve();
function enqueue(job: () => Promise<void>): void {
  queue = queue.then(job).catch(fail);
}
self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  enqueue(() => handle(msg));
};
