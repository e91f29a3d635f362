import { describe, expect, it } from 'vitest';
import type { SentinelWarning, StepRecord } from '../engine/records';
import { expectKind } from '../engine/testing/nonFinite';
import { stepRecord } from '../engine/testing/stepRecord';
import { CHART_GAP_FRAMES, CHART_MIN_MS, COUNTER_MIN_MS } from './chartPacing';
import { LIVE_VIEWS, LiveRun, type LiveView } from './liveRun';

const record = (step: number, warnings: SentinelWarning[] = []): StepRecord =>
  stepRecord(step, { gradNorms: { w: step }, weightNorms: { w: 2 * step }, warnings });

/** A page with a manual clock and frames: the test decides when a frame passes and how long it takes. */
function page() {
  let t = 0;
  let queued: (() => void)[] = [];
  const warnings: SentinelWarning[] = [];
  const run = new LiveRun({ schedule: (cb) => queued.push(cb), now: () => t, onWarnings: (w) => warnings.push(...w) });
  const seen: Record<LiveView, number> = { step: 0, loss: 0, gradNorms: 0, weightNorms: 0 };
  for (const view of LIVE_VIEWS) run.subscribe(view, () => (seen[view] += 1));
  /** One frame of `ms`: the callbacks scheduled before it run after it. */
  const frame = (ms = 16) => {
    t += ms;
    const due = queued;
    queued = [];
    due.forEach((cb) => cb());
  };
  /** Frames passed until the loss chart redraws again (at most 100). */
  const framesUntilLossRedraw = (): number => {
    const before = seen.loss;
    let frames = 0;
    while (seen.loss === before && frames < 100) {
      frame();
      frames += 1;
    }
    return frames;
  };
  return { run, seen, frame, framesUntilLossRedraw, warnings, pendingFrames: () => queued.length, advance: (ms: number) => (t += ms) };
}

/**
 * A page with timers too (the app's LiveRun gets options.wait): one simulated second, a millisecond at a time, with
 * a frame every 16 ms and a record every `everyMs`. Counts the frames the run asked for.
 */
function timedPage(everyMs: number, ms: number) {
  let t = 0;
  let queued: (() => void)[] = [];
  const timers: { at: number; callback: () => void }[] = [];
  const run = new LiveRun({ schedule: (cb) => queued.push(cb), now: () => t, wait: (wait, callback) => timers.push({ at: t + wait, callback }) });
  const seen: Record<LiveView, number> = { step: 0, loss: 0, gradNorms: 0, weightNorms: 0 };
  for (const view of LIVE_VIEWS) run.subscribe(view, () => (seen[view] += 1));
  let frames = 0;
  let step = 0;
  for (; t <= ms; t++) {
    for (const timer of timers.filter((x) => x.at <= t)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.callback();
    }
    if (t % everyMs === 0) run.push([record(++step)]);
    if (t % 16 === 0 && queued.length > 0) {
      frames += 1;
      const due = queued;
      queued = [];
      due.forEach((cb) => cb());
    }
  }
  return { run, seen, frames, step };
}

describe('LiveRun', () => {
  it('applies the records of a frame at once: one step update for many records', () => {
    const { run, seen, frame } = page();
    run.push([record(1), record(2)]);
    run.push([record(3)]);
    expect(run.step).toBe(0);
    frame();
    expect(run.step).toBe(3);
    expect(run.history.length).toBe(3);
    expect(seen.step).toBe(1);
    expect(seen.loss).toBe(1);
  });

  it('throttles the loss chart to one redraw per interval, and draws owed records without new ones arriving', () => {
    const { run, seen, frame, framesUntilLossRedraw, pendingFrames } = page();
    run.push([record(1)]);
    frame();
    expect(seen.loss).toBe(1);
    run.push([record(2)]);
    frame();
    // The counter and the chart each wait for their interval.
    expect(seen.step).toBe(1);
    expect(seen.loss).toBe(1);
    const frames = framesUntilLossRedraw();
    expect(seen.loss).toBe(2);
    expect(seen.step).toBe(2);
    // 16 ms frames: the redraw came once the interval had passed, not later.
    expect(frames * 16 + 16).toBeGreaterThanOrEqual(CHART_MIN_MS);
    expect(frames * 16).toBeLessThan(CHART_MIN_MS + 16);
    // Nothing owed: the frame loop stops (apart from the norm charts' staggered redraws).
    for (let i = 0; i < 2 * CHART_GAP_FRAMES + 2; i++) frame();
    expect(pendingFrames()).toBe(0);
  });

  it('moves the step counter at most every COUNTER_MIN_MS, and shows the last step without new records arriving', () => {
    const { run, seen, frame, pendingFrames } = page();
    run.push([record(1)]);
    frame();
    expect(seen.step).toBe(1);
    // A record every 16 ms frame: the counter moves once per interval, not once per frame.
    const updates: number[] = [];
    for (let i = 2; i <= 21; i++) {
      run.push([record(i)]);
      frame();
      updates.push(seen.step);
    }
    const moves = new Set(updates).size;
    expect(moves).toBeGreaterThanOrEqual(Math.floor((20 * 16) / (COUNTER_MIN_MS + 16)));
    expect(moves).toBeLessThanOrEqual(Math.ceil((20 * 16) / COUNTER_MIN_MS));
    // The records stop: the owed step still reaches the counter within an interval.
    const shown: number[] = [];
    run.subscribe('step', () => shown.push(run.step));
    run.push([record(22)]);
    frame();
    for (let i = 0; i < COUNTER_MIN_MS / 16 + 1; i++) frame();
    expect(shown.at(-1)).toBe(22);
    for (let i = 0; i < 2 * CHART_GAP_FRAMES + 10; i++) frame();
    expect(pendingFrames()).toBe(0);
    // A stop shows its step at once (flush), whatever the interval.
    run.push([record(23)]);
    frame();
    run.push([record(24)]);
    run.flush();
    expect(shown.at(-1)).toBe(24);
  });

  it('with a timer, asks for a frame only when a view is due, not for every batch of records', () => {
    // Records every 5 ms for a second, as the worker sends them at auto speed.
    const { run, seen, frames, step } = timedPage(5, 1000);
    // The counter still moves about once per COUNTER_MIN_MS (a frame late at most), and each chart at its interval.
    expect(seen.step).toBeGreaterThanOrEqual(Math.floor(1000 / (COUNTER_MIN_MS + 16)));
    expect(seen.step).toBeLessThanOrEqual(Math.ceil(1000 / COUNTER_MIN_MS));
    expect(seen.loss).toBeGreaterThanOrEqual(Math.floor(1000 / (CHART_MIN_MS + 16)));
    expect(seen.gradNorms).toBeGreaterThanOrEqual(seen.loss - 1);
    expect(seen.weightNorms).toBeGreaterThanOrEqual(seen.loss - 1);
    // Frames: one per counter move, one per chart redraw and its two norm charts; not the 62 a frame loop asks for.
    expect(frames).toBeLessThanOrEqual(seen.step + seen.loss + seen.gradNorms + seen.weightNorms);
    expect(frames).toBeLessThan(40);
    // Nothing is lost: the records not applied yet are applied by a flush.
    run.flush();
    expect(run.step).toBe(step);
    expect(run.history.length).toBe(step);
  });

  it('redraws the gradient-norm chart CHART_GAP_FRAMES frames after the loss chart, and the weight-norm chart as many after that', () => {
    const { run, seen, frame } = page();
    run.push([record(1)]);
    frame();
    expect([seen.loss, seen.gradNorms, seen.weightNorms]).toEqual([1, 0, 0]);
    for (let i = 1; i < CHART_GAP_FRAMES; i++) frame();
    expect(seen.gradNorms).toBe(0);
    frame();
    expect([seen.gradNorms, seen.weightNorms]).toEqual([1, 0]);
    for (let i = 1; i < CHART_GAP_FRAMES; i++) frame();
    expect(seen.weightNorms).toBe(0);
    frame();
    expect(seen.weightNorms).toBe(1);
  });

  it('flush applies what is queued and redraws the loss chart at once, inside the throttle interval', () => {
    const { run, seen, frame } = page();
    run.push([record(1)]);
    frame();
    run.push([record(2), record(3)]);
    run.flush();
    expect(run.step).toBe(3);
    expect(seen.loss).toBe(2);
  });

  it('adapts the chart interval to what a chart frame cost', () => {
    const { run, frame, framesUntilLossRedraw, advance } = page();
    run.push([record(1)]);
    frame();
    // The chart frame took 100 ms to render: at a fifth of the main thread, the next waits 500 ms.
    advance(100);
    run.rendered();
    run.push([record(2)]);
    const frames = framesUntilLossRedraw();
    expect(frames * 16 + 100).toBeGreaterThanOrEqual(500);
    expect(frames * 16 + 100).toBeLessThan(500 + 32);
  });

  it('declares the per-parameter series once, in the order given', () => {
    const { run, seen } = page();
    run.declare(['dense/kernel', 'dense/bias']);
    expect([...run.series.gradNorms.keys()]).toEqual(['dense/kernel', 'dense/bias']);
    expect([seen.gradNorms, seen.weightNorms]).toEqual([1, 1]);
    run.declare(['dense/kernel', 'dense/bias']);
    expect([seen.gradNorms, seen.weightNorms]).toEqual([1, 1]);
  });

  it('clear empties the run and redraws every view; records queued before it are dropped', () => {
    const { run, seen, frame } = page();
    run.push([record(1)]);
    frame();
    run.push([record(2)]);
    run.clear();
    frame();
    expect(run.step).toBe(0);
    expect(run.history.length).toBe(0);
    expect(run.series.loss.points()).toEqual([]);
    expect(seen).toMatchObject({ step: 2, loss: 2 });
  });

  it('keeps the held-out loss of the steps that measured one, for the validation curve, until the run is cleared', () => {
    const { run, frame } = page();
    run.push([stepRecord(1, { heldOutLoss: 0.5 }), stepRecord(2), stepRecord(10, { heldOutLoss: Number.NaN })]);
    frame();
    expect(run.heldOut.entries()).toEqual([
      [1, 0.5],
      [10, Number.NaN],
    ]);
    expectKind(run.heldOut.lossAt(10)!, 'NaN');
    expect(run.series.heldOut.points()).toEqual([{ step: 1, value: 0.5 }]);
    expect(run.series.heldOut.markers()).toEqual([{ step: 10, kind: 'NaN' }]);
    expect(run.trace.length).toBe(3);
    run.clear();
    expect([run.heldOut.length, run.series.heldOut.points().length]).toEqual([0, 0]);
  });

  it('passes the warnings of applied records on, once', () => {
    const { run, frame, warnings } = page();
    const w: SentinelWarning = { step: 2, kind: 'overflowRisk', quantity: 'loss', value: 1e38, limit: 3.4e38, message: 'near the top' };
    run.push([record(1), record(2, [w])]);
    frame();
    frame();
    expect(warnings).toEqual([w]);
  });

  it('two runs are two feeds: records of one never reach the other', () => {
    const a = page();
    const b = new LiveRun({ schedule: () => undefined, now: () => 0 });
    a.run.push([record(1)]);
    a.frame();
    expect(a.run.step).toBe(1);
    expect(b.step).toBe(0);
    expect(b.version('loss')).toBe(0);
  });

  it('an unsubscribed view hears nothing more', () => {
    const { run, frame } = page();
    let heard = 0;
    const off = run.subscribe('step', () => (heard += 1));
    run.push([record(1)]);
    frame();
    off();
    run.push([record(2)]);
    frame();
    expect(heard).toBe(1);
  });
});
