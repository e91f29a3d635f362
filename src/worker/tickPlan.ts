/**
 * How one training tick runs at a given speed. A fixed speed takes that many steps and then waits
 * out the frame (1 step per frame is 60 steps/s, for watching slowly). "auto" takes as many steps
 * as fit in AUTO_TICK_MS and starts the next tick at once: the records still reach the page every
 * frame, and a tiny model is no longer held to 60 steps/s. Either way a tick ends after its budget,
 * so a pause is answered within about one slow step.
 */
import type { Speed } from '../scenarios/speed';

export const FRAME_MS = 1000 / 60;
/** A fixed-speed tick never runs longer than this, so a slow model still answers pause promptly. */
export const TICK_BUDGET_MS = 40;
/** Under a frame, so that each frame brings the page new records. */
export const AUTO_TICK_MS = 12;

export interface TickPlan {
  /** Steps to take at most. */
  steps: number;
  /** Stop taking steps once the tick has run this long (checked after each step). */
  budgetMs: number;
  /** Wait out the rest of the frame before the next tick. */
  paced: boolean;
}

export function tickPlan(speed: Speed): TickPlan {
  if (speed === 'auto') return { steps: Number.POSITIVE_INFINITY, budgetMs: AUTO_TICK_MS, paced: false };
  return { steps: Math.max(1, Math.floor(speed)), budgetMs: TICK_BUDGET_MS, paced: true };
}

/** How long to wait before the next tick, given when this one started. */
export function nextTickDelay(plan: TickPlan, startedAt: number, now: number): number {
  return plan.paced ? Math.max(0, FRAME_MS - (now - startedAt)) : 0;
}
