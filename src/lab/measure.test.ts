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
});
