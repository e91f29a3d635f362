import { describe, expect, it } from 'vitest';
import { AUTO_TICK_MS, FRAME_MS, TICK_BUDGET_MS, nextTickDelay, tickPlan } from './tickPlan';

describe('tickPlan', () => {
  it('auto: unlimited steps inside a budget shorter than a frame, no wait between ticks', () => {
    const plan = tickPlan('auto');
    expect(plan).toEqual({ steps: Number.POSITIVE_INFINITY, budgetMs: AUTO_TICK_MS, paced: false });
    expect(AUTO_TICK_MS).toBeLessThan(FRAME_MS);
    expect(nextTickDelay(plan, 0, 3)).toBe(0);
  });

  it('a fixed speed: that many steps, then the rest of the frame', () => {
    const plan = tickPlan(7);
    expect(plan).toEqual({ steps: 7, budgetMs: TICK_BUDGET_MS, paced: true });
    expect(nextTickDelay(plan, 100, 104)).toBeCloseTo(FRAME_MS - 4, 9);
    expect(nextTickDelay(plan, 100, 100 + 2 * FRAME_MS)).toBe(0);
  });
});
