/**
 * Two schedulers for callbacks that render, each running them in a task of their own. afterNextFrame runs them right
 * after the next frame instead of inside it: a store update made in a requestAnimationFrame callback renders React in
 * the frame's task, followed in the same task by style, layout, paint and commit, and on a busy two-core machine (the
 * training worker on one core, the browser's compilers and raster on the other) that sum was what crossed the 50 ms
 * long-task line. Here React renders in one task and the browser draws in the next. inOwnTask (below) asks for no
 * frame at all.
 */
import type { FrameScheduler } from '../state/liveRun';

let queued: (() => void)[] = [];
let channel: MessageChannel | null = null;

function runQueued(): void {
  const callbacks = queued;
  queued = [];
  for (const cb of callbacks) cb();
}

function portToQueue(): MessagePort {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runQueued;
  }
  return channel.port2;
}

export const afterNextFrame: FrameScheduler = (callback) => {
  const port = portToQueue();
  requestAnimationFrame(() => {
    queued.push(callback);
    if (queued.length === 1) port.postMessage(null);
  });
};

/**
 * The live feeds' scheduler: callbacks run in a task of their own at once, with no frame asked for. A live feed paces
 * itself with timers (LiveRun's wait), so it needs no frame to wait for; and a frame asked for only to run a render
 * after it changes nothing on screen, while the render's changes then need a frame of their own: two frames a redraw.
 * On two cores each costs the training worker (the default scenario trained 10–15 % faster in the app without them,
 * interleaved A/B runs). A hidden page throttles the feed's timers, so it then redraws about once a second.
 */
export const inOwnTask: FrameScheduler = (callback) => {
  const port = portToQueue();
  queued.push(callback);
  if (queued.length === 1) port.postMessage(null);
};
