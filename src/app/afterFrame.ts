/**
 * Runs callbacks in a task of their own right after the next frame, instead of inside it. A store
 * update made in a requestAnimationFrame callback renders React in the frame's task, followed in
 * the same task by style, layout, paint and commit; on a busy two-core machine (the training
 * worker on one core, the browser's compilers and raster on the other) that sum was what crossed
 * the 50 ms long-task line. Here React renders in one task and the browser draws in the next.
 */
import type { FrameScheduler } from '../state/liveRun';

let queued: (() => void)[] = [];
let channel: MessageChannel | null = null;

function runQueued(): void {
  const callbacks = queued;
  queued = [];
  for (const cb of callbacks) cb();
}

export const afterNextFrame: FrameScheduler = (callback) => {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runQueued;
  }
  const port = channel.port2;
  requestAnimationFrame(() => {
    queued.push(callback);
    if (queued.length === 1) port.postMessage(null);
  });
};
