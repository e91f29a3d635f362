import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import type { Speed } from '../scenarios/speed';
import { RECORDS_EVERY_MS } from './runOutbox';
import { PARAMETERS, loopHarness, networkAt, previewAt, settle, statusFor } from './loopFakes';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], backend: 'cpu', ...over });
const RESTART_NOTICE = 'notice#1 The new settings cannot reuse the current weights and optimizer state: training restarted from step 0.';
/** What the page hears when a live change of a playing run has to start over from step 0. */
const RESTARTED_PLAYING = [
  RESTART_NOTICE,
  'restarted#1',
  'backend#1 cpu unsupported=null',
  `model#1 ${PARAMETERS.join(',')}`,
  'preview#1 at 0',
  'running#1 true step 0 why null',
];

/** A loop with run 1 configured (and the configure's messages taken). */
async function configured(setup: (h: ReturnType<typeof loopHarness>) => void = () => undefined) {
  const h = loopHarness();
  setup(h);
  await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario(), keep: false });
  await settle();
  h.take();
  return h;
}

/** As configured(), then playing at `speed` (steps per frame, or 'auto'). */
async function playing(speed: Speed, setup?: (h: ReturnType<typeof loopHarness>) => void, stopAt?: number) {
  const h = await configured(setup);
  await h.loop.receive({ type: 'setSpeed', speed });
  await h.loop.receive(stopAt === undefined ? { type: 'play' } : { type: 'play', stopAt });
  expect(h.take()).toEqual(['running#1 true step 0 why null']);
  return h;
}

afterEach(() => vi.restoreAllMocks());

describe('TrainingLoop: configure', () => {
  it('posts the backend, the model with its parameter names and a preview, and does not start', async () => {
    const h = loopHarness();
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario(), keep: false });
    expect(h.posted).toEqual([
      { type: 'backend', runId: 1, status: statusFor('cpu'), unsupported: null },
      { type: 'model', runId: 1, parameters: PARAMETERS },
      { type: 'preview', runId: 1, preview: previewAt(0), network: networkAt(0) },
    ]);
    expect(h.backendsStarted).toEqual(['cpu/mlp']);
    expect(h.scheduled).toEqual([]);
  });

  it('reuses the backend while backend and model stay the same, and starts it again for a new model', async () => {
    const h = await configured();
    await h.loop.receive({ type: 'configure', runId: 2, scenario: scenario({ lr: 0.1 }), keep: false });
    expect(h.backendsStarted).toEqual(['cpu/mlp']);
    await h.loop.receive({ type: 'configure', runId: 3, scenario: scenario({ model: 'linear' }), keep: false });
    expect(h.backendsStarted).toEqual(['cpu/mlp', 'cpu/linear']);
  });

  it('handles a play that arrives while the backend starts only after configure is done', async () => {
    const h = loopHarness();
    let started: () => void = () => undefined;
    h.deps.initBackend = (requested) => new Promise((resolve) => (started = () => resolve(statusFor(requested))));
    const configuring = h.loop.receive({ type: 'configure', runId: 1, scenario: scenario(), keep: false });
    const play = h.loop.receive({ type: 'play' });
    await settle();
    expect(h.take()).toEqual([]);
    started();
    await Promise.all([configuring, play]);
    expect(h.take()).toEqual(['backend#1 cpu unsupported=null', `model#1 ${PARAMETERS.join(',')}`, 'preview#1 at 0', 'running#1 true step 0 why null']);
  });
});

describe('TrainingLoop: keeping the weights across a live change', () => {
  it('restores the snapshot into the new trainer: the step carries over and a playing run keeps playing', async () => {
    const h = await playing(3);
    await h.tick();
    expect(h.take()).toEqual(['records#1 1,2,3']);
    const old = h.trainer();
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ lr: 0.1 }), keep: true });
    expect(h.take()).toEqual(['backend#1 cpu unsupported=null', `model#1 ${PARAMETERS.join(',')}`, 'preview#1 at 3', 'running#1 true step 3 why null']);
    expect(h.trainers).toHaveLength(2);
    expect(h.trainer().stepIndex).toBe(3);
    expect(old.disposed).toBe(true);
    expect(old.snapshots.map((s) => s.disposed)).toEqual([true]);
    await h.tick();
    expect(h.take()).toEqual(['records#1 4,5,6']);
  });

  it('does not start a run that was paused', async () => {
    const h = await configured();
    await h.loop.receive({ type: 'step', count: 2 });
    h.take();
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ lr: 0.1 }), keep: true });
    expect(h.take()).toEqual(['backend#1 cpu unsupported=null', `model#1 ${PARAMETERS.join(',')}`, 'preview#1 at 2']);
    expect(h.trainer().stepIndex).toBe(2);
    expect(h.scheduled).toEqual([]);
  });

  it('restarts from step 0 with a fresh trainer, and says so, when the restore fails', async () => {
    const h = await playing(2);
    await h.tick();
    h.take();
    h.script.restoreFails = true;
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ lr: 0.1 }), keep: true });
    expect(h.take()).toEqual(RESTARTED_PLAYING);
    const [old, failed, fresh] = h.trainers;
    expect([old?.disposed, failed?.disposed, fresh?.disposed]).toEqual([true, true, false]);
    expect(fresh?.stepIndex).toBe(0);
    expect(old?.snapshots.map((s) => s.disposed)).toEqual([true]);
  });

  it('restarts from step 0, and says so, when there is nothing to carry', async () => {
    const h = await playing(2, (harness) => (harness.script.snapshotFails = true));
    await h.tick();
    h.take();
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ lr: 0.1 }), keep: true });
    expect(h.take()).toEqual(RESTARTED_PLAYING);
    expect(h.trainers).toHaveLength(2);
    expect(h.trainer().stepIndex).toBe(0);
  });
});

describe('TrainingLoop: pings', () => {
  it('answers at once, even while configure awaits the backend, and says it is busy then', async () => {
    const h = loopHarness();
    let started: () => void = () => undefined;
    h.deps.initBackend = (requested) => new Promise((resolve) => (started = () => resolve(statusFor(requested))));
    const configuring = h.loop.receive({ type: 'configure', runId: 1, scenario: scenario(), keep: false });
    await settle();
    void h.loop.receive({ type: 'ping', seq: 1 });
    expect(h.take()).toEqual(['pong#1 1 busy=true stepMs=null']);
    started();
    await configuring;
    h.take();
    void h.loop.receive({ type: 'ping', seq: 2 });
    expect(h.take()).toEqual(['pong#1 2 busy=false stepMs=null']);
  });

  it("reports the current model's last step time while it plays, and forgets it for a new model", async () => {
    const h = await playing('auto', (harness) => (harness.script.msPerStep = 300));
    await h.tick();
    h.take();
    void h.loop.receive({ type: 'ping', seq: 1 });
    expect(h.take()).toEqual(['pong#1 1 busy=true stepMs=300']);
    await h.loop.receive({ type: 'pause' });
    h.take();
    void h.loop.receive({ type: 'ping', seq: 2 });
    expect(h.take()).toEqual(['pong#1 2 busy=false stepMs=300']);
    await h.loop.receive({ type: 'configure', runId: 2, scenario: scenario({ lr: 0.1 }), keep: true });
    h.take();
    void h.loop.receive({ type: 'ping', seq: 3 });
    expect(h.take()).toEqual(['pong#2 3 busy=false stepMs=null']);
  });
});

describe('TrainingLoop: ticks', () => {
  it('stops a tick at its 40 ms budget and starts the next at once; a quick tick waits out the frame', async () => {
    const h = await playing(10, (harness) => (harness.script.msPerStep = 15));
    await h.tick();
    expect(h.take()).toEqual(['records#1 1,2,3']);
    expect(h.scheduled.map((s) => s.delayMs)).toEqual([0]);
    h.script.msPerStep = 0;
    await h.tick();
    expect(h.take()).toEqual(['records#1 4,5,6,7,8,9,10,11,12,13']);
    expect(h.scheduled.map((s) => s.delayMs)).toEqual([1000 / 60]);
  });

  it('at auto speed fills each tick up to its budget and starts the next at once; a slow step is one step a tick', async () => {
    const h = await playing('auto', (harness) => (harness.script.msPerStep = 5));
    await h.tick();
    // 5 ms steps: the third crosses 12 ms (AUTO_TICK_MS), the tick ends there.
    expect(h.take()).toEqual(['records#1 1,2,3']);
    expect(h.scheduled.map((s) => s.delayMs)).toEqual([0]);
    h.script.msPerStep = 200;
    await h.tick();
    expect(h.take()).toEqual(['records#1 4']);
    expect(h.scheduled.map((s) => s.delayMs)).toEqual([0]);
  });

  it('at auto speed sends records at most every RECORDS_EVERY_MS, and all of them before a pause', async () => {
    const h = await playing('auto', (harness) => (harness.script.msPerStep = 5));
    await h.tick();
    expect(h.take()).toEqual(['records#1 1,2,3']);
    // Ticks of 15 ms: the next two ticks' records wait (30 ms since the last message), the third's go with them.
    await h.tick();
    await h.tick();
    expect(h.take()).toEqual([]);
    expect(2 * 15).toBeLessThan(RECORDS_EVERY_MS);
    await h.tick();
    expect(h.take()).toEqual(['records#1 4,5,6,7,8,9,10,11,12']);
    await h.tick();
    expect(h.take()).toEqual([]);
    // A pause: the held records reach the page before it hears the run stopped, so its last step is counted.
    await h.loop.receive({ type: 'pause' });
    expect(h.take().filter((m) => !m.startsWith('preview'))).toEqual(['records#1 13,14,15', 'running#1 false step 15 why paused']);
  });

  it('posts a preview once 250 ms have passed since the last', async () => {
    const h = await playing(10, (harness) => (harness.script.msPerStep = 15));
    for (let i = 0; i < 5; i++) await h.tick();
    expect(h.take().filter((m) => m.startsWith('preview'))).toEqual([]);
    await h.tick();
    expect(h.take()).toEqual(['records#1 16,17,18', 'preview#1 at 18']);
  });

  it('stops by itself at stopAt, with why "done"', async () => {
    const h = await playing(5, undefined, 2);
    await h.tick();
    expect(h.take()).toEqual(['records#1 1,2', 'preview#1 at 2', 'running#1 false step 2 why done']);
    expect(h.scheduled).toEqual([]);
  });

  it('stops at a flagged step, with the report and why "flagged"', async () => {
    const h = await playing(5, (harness) => (harness.script.flagAt = 2));
    await h.tick();
    expect(h.take()).toEqual(['records#1 1,2', 'report#1 step 2', 'preview#1 at 2', 'running#1 false step 2 why flagged']);
    expect(h.scheduled).toEqual([]);
  });
});

describe('TrainingLoop: stepping by hand', () => {
  it('steps past the run end and past a flag: the person asked for that step', async () => {
    const h = await playing(5, (harness) => (harness.script.flagAt = 4), 2);
    await h.tick();
    expect(h.take().at(-1)).toBe('running#1 false step 2 why done');
    await h.loop.receive({ type: 'step', count: 1 });
    expect(h.take()).toEqual(['records#1 3', 'preview#1 at 3']);
    await h.loop.receive({ type: 'step', count: 1 });
    expect(h.take()).toEqual(['records#1 4', 'report#1 step 4', 'preview#1 at 4', 'running#1 false step 4 why flagged']);
    await h.loop.receive({ type: 'step', count: 1 });
    expect(h.take()).toEqual(['records#1 5', 'preview#1 at 5', 'running#1 false step 5 why flagged']);
    // Play still stops at the flag.
    await h.loop.receive({ type: 'play' });
    expect(h.take()).toEqual(['running#1 true step 5 why null']);
    await h.tick();
    expect(h.take()).toEqual(['preview#1 at 5', 'running#1 false step 5 why flagged']);
  });
});

describe('TrainingLoop: awaited (WebGPU) steps', () => {
  const asyncOnly = (h: ReturnType<typeof loopHarness>) => (h.script.asyncOnly = true);

  it('a pause during an awaited step stops the tick and posts its records before the final running:false', async () => {
    const h = await playing(5, asyncOnly);
    await h.tick();
    const trainer = h.trainer();
    trainer.finishStep();
    await settle();
    await h.loop.receive({ type: 'pause' });
    await settle();
    // WebGPU's preview is read back asynchronously: it comes after.
    expect(h.take()).toEqual(['records#1 1', 'running#1 false step 1 why paused', 'preview#1 at 1']);
    trainer.finishStep();
    await settle();
    expect(h.take()).toEqual(['records#1 2', 'running#1 false step 2 why paused']);
    expect(trainer.stepsAwaited).toBe(0);
    expect(h.scheduled).toEqual([]);
  });

  it('a step message waits for the tick in progress: one step at a time on the trainer', async () => {
    const h = await playing(5, asyncOnly);
    await h.tick();
    const trainer = h.trainer();
    const stepping = h.loop.receive({ type: 'step', count: 2 });
    await settle();
    expect(trainer.stepsAwaited).toBe(1);
    trainer.finishStep();
    await settle();
    trainer.finishStep();
    await settle();
    trainer.finishStep();
    await stepping;
    await settle();
    expect(h.take()).toEqual(['running#1 false step 0 why paused', 'records#1 1', 'running#1 false step 1 why paused', 'records#1 2,3', 'preview#1 at 3']);
    expect(trainer.maxInFlight).toBe(1);
  });

  it('a configure during an awaited step replaces the run: the old step is dropped', async () => {
    const h = await playing(5, asyncOnly);
    await h.tick();
    const old = h.trainer();
    await h.loop.receive({ type: 'configure', runId: 2, scenario: scenario(), keep: false });
    old.finishStep();
    await settle();
    expect(h.take()).toEqual(['backend#2 cpu unsupported=null', `model#2 ${PARAMETERS.join(',')}`, 'preview#2 at 0']);
    expect(h.trainer().stepIndex).toBe(0);
    expect(h.scheduled).toEqual([]);
  });

  it('a live change during an awaited step starts the new run once the old tick gives up', async () => {
    const h = await playing(1, asyncOnly);
    await h.tick();
    const old = h.trainer();
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ lr: 0.1 }), keep: true });
    await settle();
    // A WebGPU preview reads back asynchronously, so it comes after the running message.
    expect(h.take()).toEqual(['backend#1 cpu unsupported=null', `model#1 ${PARAMETERS.join(',')}`, 'running#1 true step 0 why null', 'preview#1 at 0']);
    // The new run's first tick comes while the old one still awaits its step: it is skipped.
    await h.tick();
    expect(h.scheduled).toEqual([]);
    old.finishStep();
    await settle();
    expect(h.scheduled.map((s) => s.delayMs)).toEqual([0]);
    await h.tick();
    h.trainer().finishStep();
    await settle();
    expect(h.take()).toEqual(['records#1 1']);
  });
});

describe('TrainingLoop: checkpoints and resuming', () => {
  it('sends a checkpoint after the first tick, then after a tick once a second has passed', async () => {
    const h = await playing(5);
    await h.tick();
    expect(h.take()).toEqual(['records#1 1,2,3,4,5']);
    expect(h.checkpoints()).toEqual(['checkpoint#1 at 5']);
    h.clock.now += 999;
    await h.tick();
    expect(h.checkpoints()).toEqual([]);
    h.clock.now += 1;
    await h.tick();
    expect(h.take()).toEqual(['records#1 6,7,8,9,10', 'preview#1 at 10', 'records#1 11,12,13,14,15']);
    expect(h.checkpoints()).toEqual(['checkpoint#1 at 15']);
  });

  it('a step that takes seconds is checkpointed after every step, right after its record and preview', async () => {
    const h = await playing('auto', (harness) => (harness.script.msPerStep = 5000));
    for (const step of [1, 2]) {
      await h.tick();
      expect(h.posted.map((m) => m.type)).toEqual(['records', 'preview', 'checkpoint']);
      expect(h.take()).toEqual([`records#1 ${step}`, `preview#1 at ${step}`]);
      expect(h.checkpoints()).toEqual([`checkpoint#1 at ${step}`]);
    }
  });

  it("a new run forgets the old one's checkpoint timing: its first tick is checkpointed", async () => {
    const h = await playing(2);
    await h.tick();
    h.take();
    h.checkpoints();
    await h.loop.receive({ type: 'configure', runId: 2, scenario: scenario({ lr: 0.5 }), keep: false });
    await h.loop.receive({ type: 'play' });
    await h.tick();
    expect(h.checkpoints()).toEqual(['checkpoint#2 at 2']);
  });

  it("resume: from the checkpoint, replays to the page's last step without posting its records, and stays paused", async () => {
    const h = loopHarness();
    h.script.msPerStep = 1;
    const checkpoint = { step: 3, tensors: [], report: null, paused: false };
    const before = h.clock.now;
    await h.loop.receive({ type: 'configure', runId: 7, scenario: scenario(), keep: false, resume: { checkpoint, toStep: 5 } });
    expect(h.trainer().stepIndex).toBe(5);
    expect(h.clock.now - before).toBe(2);
    expect(h.take()).toEqual(['backend#7 cpu unsupported=null', `model#7 ${PARAMETERS.join(',')}`, 'preview#7 at 5', 'running#7 false step 5 why paused']);
    expect(h.checkpoints()).toEqual(['checkpoint#7 at 5']);
    // Play goes on from there.
    await h.loop.receive({ type: 'play' });
    await h.loop.receive({ type: 'setSpeed', speed: 2 });
    await h.tick();
    expect(h.take()).toEqual(['running#7 true step 5 why null', 'records#7 6,7']);
  });

  it('resume with no checkpoint, or one that does not fit, replays from step 0', async () => {
    for (const fits of [null, false]) {
      const h = loopHarness();
      h.script.msPerStep = 1;
      h.script.restoreFails = fits === false;
      const checkpoint = fits === null ? null : { step: 2, tensors: [], report: null, paused: false };
      const before = h.clock.now;
      await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario(), keep: false, resume: { checkpoint, toStep: 4 } });
      expect([h.trainer().stepIndex, h.clock.now - before]).toEqual([4, 4]);
    }
  });
});

describe('TrainingLoop: a lost WebGPU device', () => {
  /** Playing on WebGPU at 2 steps a tick, with steps 1 and 2 taken and checkpointed. */
  async function onWebgpu() {
    const h = loopHarness();
    h.script.asyncOnly = true;
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ backend: 'webgpu' }), keep: false });
    await h.loop.receive({ type: 'setSpeed', speed: 2 });
    await h.loop.receive({ type: 'play' });
    await h.tick();
    h.trainer().finishStep();
    await settle();
    h.trainer().finishStep();
    await settle();
    expect(h.take().filter((m) => m.startsWith('records'))).toEqual(['records#1 1,2']);
    expect(h.checkpoints()).toEqual(['checkpoint#1 at 2']);
    return h;
  }

  it('the run goes on on wasm from the last checkpoint, with a notice, and keeps playing', async () => {
    const h = await onWebgpu();
    await h.tick();
    await h.loop.receive({ type: 'loseDevice' });
    h.script.asyncOnly = false; // wasm reads back synchronously
    h.trainers[0]!.finishStep();
    await settle();
    expect(h.backendsStarted).toEqual(['webgpu/mlp', 'wasm/mlp']);
    expect(h.trainerBackends).toEqual(['webgpu', 'wasm']);
    expect(h.trainers[0]!.disposed).toBe(true);
    expect(h.trainer().stepIndex).toBe(2);
    expect(h.take()).toEqual(['notice#1 WebGPU device lost; continuing on wasm from step 2.', 'backend#1 wasm unsupported=null']);
    // The step the device took with it is taken again on wasm, then the run goes on.
    await h.tick();
    expect(h.take()).toContain('records#1 3,4');
  });

  it('the step that finished on the lost device is not kept, and a checkpoint behind the last step is replayed up to it', async () => {
    const h = await onWebgpu();
    // The next tick is within the second of the last checkpoint: it sends none.
    await h.tick();
    h.trainers[0]!.finishStep();
    await settle();
    h.trainers[0]!.finishStep();
    await settle();
    expect(h.take().filter((m) => m.startsWith('records'))).toEqual(['records#1 3,4']);
    expect(h.checkpoints()).toEqual([]);
    await h.tick();
    await h.loop.receive({ type: 'loseDevice' });
    h.script.asyncOnly = false;
    h.trainers[0]!.finishStep();
    await settle();
    expect(h.take()).toEqual([
      'notice#1 WebGPU device lost; continuing on wasm from step 4 (its snapshot at step 2, replayed to step 4 on wasm).',
      'backend#1 wasm unsupported=null',
    ]);
    expect(h.trainer().stepIndex).toBe(4);
  });

  it('a WebGPU step rejected before the device says it is lost waits a moment for the loss, then moves', async () => {
    const h = await onWebgpu();
    h.script.throwAt = 3; // the pending readback is rejected first…
    await h.tick();
    h.trainers[0]!.finishStep();
    await settle();
    expect(h.scheduled.map((s) => s.delayMs)).toEqual([100]);
    h.script.deviceLost = 'destroyed'; // …and device.lost resolves a moment later
    h.script.asyncOnly = false;
    h.script.throwAt = null;
    await h.tick();
    expect(h.take()).toEqual(['notice#1 WebGPU device lost; continuing on wasm from step 2.', 'backend#1 wasm unsupported=null']);
  });

  it('a WebGPU step that fails with its device still there is an error in words, after the same moment', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = await onWebgpu();
    h.script.throwAt = 3;
    await h.tick();
    h.trainers[0]!.finishStep();
    await settle();
    await h.tick();
    expect(h.backendsStarted).toEqual(['webgpu/mlp']);
    expect(h.take()[0]).toMatch(/^error#1 a tfjs operation failed on the webgpu backend in step 3/);
  });

  it('a run on another backend is not moved: a loss there is not a WebGPU loss', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = await playing(2, (harness) => (harness.script.throwAt = 3));
    await h.loop.receive({ type: 'loseDevice' });
    await h.tick();
    await h.tick();
    expect(h.backendsStarted).toEqual(['cpu/mlp']);
    expect(h.take().some((m) => m.startsWith('error#1 a tfjs operation failed on the cpu backend in step 3'))).toBe(true);
  });
});

describe('TrainingLoop: the budget gate', () => {
  const refusal = { message: 'this run needs ≈ 5.5 GB; the budget here is 3.4 GB: lower Batch size (to 32768 fits)', fields: ['Batch size'], smaller: null };

  it('a scenario over its budget is refused after the backend starts and before anything is built', async () => {
    const h = loopHarness();
    const asked: string[] = [];
    h.deps.admit = (s, backend) => {
      asked.push(`${s.batchSize} on ${backend}`);
      return s.batchSize > 1000 ? refusal : null;
    };
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ batchSize: 100000 }), keep: false });
    expect(h.take()).toEqual(['backend#1 cpu unsupported=null', `refused#1 Batch size: ${refusal.message}`]);
    expect(asked).toEqual(['100000 on cpu']);
    expect(h.trainers).toEqual([]);
    // Play has no model to step: it stops at once, and no step is taken.
    await h.loop.receive({ type: 'play' });
    await h.tick();
    expect(h.take()).toEqual(['running#1 true step 0 why null', 'running#1 false step 0 why no model']);
  });

  it("the page's budget setting is what the gate applies, on configure and on Reset", async () => {
    const h = loopHarness();
    const budgets: (number | null)[] = [];
    h.deps.admit = (_s, _backend, budgetBytes) => {
      budgets.push(budgetBytes);
      return budgetBytes !== null && budgetBytes < 1e6 ? refusal : null;
    };
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({}), keep: false, budgetBytes: 5e5 });
    expect(h.take()).toContain(`refused#1 Batch size: ${refusal.message}`);
    await h.loop.receive({ type: 'reset' });
    expect(h.take()).toContain(`refused#1 Batch size: ${refusal.message}`);
    await h.loop.receive({ type: 'configure', runId: 2, scenario: scenario({}), keep: false });
    expect(h.take()).toContain(`model#2 ${PARAMETERS.join(',')}`);
    expect(budgets).toEqual([5e5, 5e5, null]);
  });

  it('the smaller scenario after a refusal is a fresh run even as a live change: no restart notice, step 0', async () => {
    const h = loopHarness();
    h.deps.admit = (s) => (s.batchSize > 1000 ? refusal : null);
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ batchSize: 100000 }), keep: false });
    h.take();
    await h.loop.receive({ type: 'configure', runId: 1, scenario: scenario({ batchSize: 512 }), keep: true });
    expect(h.take()).toEqual(['backend#1 cpu unsupported=null', `model#1 ${PARAMETERS.join(',')}`, 'preview#1 at 0']);
    expect(h.trainers).toHaveLength(1);
  });
});

describe('TrainingLoop: errors and the rest', () => {
  it('a step that throws posts the error in words, then running:false with why "error", and logs the stack', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = await playing(5, (harness) => (harness.script.throwAt = 2));
    await h.tick();
    expect(h.take()).toEqual([
      'error#1 a tfjs operation failed on the cpu backend in step 2: press Reset to start again; if it happens again, choose the wasm backend (tfjs said: "step 2 failed")',
      'running#1 false step 1 why error',
    ]);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/^step 2 failed\n.*Error: step 2 failed/s);
    expect(h.scheduled).toEqual([]);
  });

  it('a backend that fails to start is an error of the new run, and later messages are still handled', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = loopHarness();
    h.deps.initBackend = () => Promise.reject(new Error('no backend'));
    await h.loop.receive({ type: 'configure', runId: 4, scenario: scenario(), keep: false });
    await h.loop.receive({ type: 'memory', requestId: 9 });
    expect(h.take()).toEqual([
      'error#4 a tfjs operation failed on the active backend while building the model: press Reset to start again; if it happens again, choose the wasm or cpu backend (tfjs said: "no backend")',
      'running#4 false step 0 why error',
      'memory#4 request 9: 7 tensors, 28 bytes',
    ]);
  });

  it('an allocation failure while the model is built reaches the page as a sentence with the estimate and the fields to lower', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = loopHarness();
    h.deps.makeTrainer = () => {
      throw new RangeError('Array buffer allocation failed');
    };
    const wide = scenario({ dataset: 'synthetic', samples: 100000, features: 256, hidden: [256, 256, 256, 256, 256, 256, 256, 256], batchSize: 100000 });
    await h.loop.receive({ type: 'configure', runId: 2, scenario: wide, keep: false });
    expect(h.take()).toEqual([
      'error#2 this run needs more memory than the cpu backend could get while building the model (this run needs ≈ 5.5 GB): lower Batch size or Samples (tfjs said: "Array buffer allocation failed")',
      'running#2 false step 0 why error',
    ]);
  });

  it('a sandbox probe is answered at once, even while a message is still being handled', async () => {
    const h = await configured();
    let startBackend: () => void = () => undefined;
    h.deps.initBackend = (requested) => new Promise((resolve) => (startBackend = () => resolve(statusFor(requested))));
    void h.loop.receive({ type: 'configure', runId: 2, scenario: scenario({ model: 'linear' }), keep: false });
    await h.loop.receive({ type: 'probeSandbox', url: 'http://localhost:4173/' });
    expect(h.take()).toEqual(["sandbox#2 eval refused (EvalError); fetch refused by the policy's connect-src (http://localhost:4173/)"]);
    startBackend();
  });

  it('reset starts the same run over from step 0 and forgets stopAt', async () => {
    const h = await playing(2, undefined, 2);
    await h.tick();
    h.take();
    await h.loop.receive({ type: 'reset' });
    expect(h.take()).toEqual(['backend#1 cpu unsupported=null', `model#1 ${PARAMETERS.join(',')}`, 'preview#1 at 0']);
    await h.loop.receive({ type: 'step', count: 3 });
    expect(h.take()).toEqual(['records#1 1,2,3', 'preview#1 at 3']);
  });
});
