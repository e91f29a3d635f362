import { describe, expect, it } from 'vitest';
import { measureInterleaved, median } from './measure';

describe('median', () => {
  it('takes the middle of an odd list and the mean of the middle pair of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('measureInterleaved', () => {
  it('runs modes in rotating turns and turns a fake clock into steps per second', async () => {
    let clock = 0;
    const order: string[] = [];
    const stepper = (mode: string, cost: number) => ({
      mode,
      step: () => {
        order.push(mode);
        clock += cost;
      },
      dispose: () => undefined,
    });
    const timed = await measureInterleaved([stepper('a', 10), stepper('b', 20)], {
      runs: 2,
      steps: 2,
      warmup: 1,
      now: () => clock,
    });
    expect(order.join('')).toBe('ab' + 'aabb' + 'bbaa'); // warm-up, then rounds in rotated order
    expect(timed.map((t) => t.median)).toEqual([100, 50]);
  });

  it('warms up in whole untimed rounds until every mode has run warmupMs', async () => {
    let clock = 0;
    const counts = { a: 0, b: 0 };
    const stepper = (mode: 'a' | 'b', cost: number) => ({
      mode,
      step: () => {
        counts[mode]++;
        clock += cost;
      },
      dispose: () => undefined,
    });
    // A round of a costs 30 ms, of b 60 ms: b is warm after 2 rounds, a only after 4, and rounds are whole.
    const timed = await measureInterleaved([stepper('a', 10), stepper('b', 20)], { runs: 1, steps: 3, warmup: 0, warmupMs: 100, now: () => clock });
    expect(counts).toEqual({ a: 3 * 4 + 3, b: 3 * 4 + 3 });
    expect(timed.map((t) => t.stepsPerSecond.length)).toEqual([1, 1]);
  });

  it('lengthens runs to minRunMs of the fastest mode, paced by the warm-up', async () => {
    let clock = 0;
    let stepsTaken = 0;
    const stepper = (mode: string, cost: number) => ({
      mode,
      step: () => {
        stepsTaken++;
        clock += cost;
      },
      dispose: () => undefined,
    });
    // 2 ms and 4 ms a step; runs of 1000 ms for the faster one: 500 steps each, not 3.
    const timed = await measureInterleaved([stepper('a', 2), stepper('b', 4)], { runs: 2, steps: 3, warmup: 0, warmupMs: 1, minRunMs: 1000, now: () => clock });
    expect(stepsTaken).toBe(2 * 3 + 2 * 2 * 500);
    expect(timed.map((t) => t.median)).toEqual([500, 250]);
  });
});
