import { describe, expect, it } from 'vitest';
import { stepsBeforeFlag } from './zoomRange';

describe('stepsBeforeFlag', () => {
  it('shows a quarter of the run before a late flag, the flag near the right edge', () => {
    expect(stepsBeforeFlag(400, 1)).toEqual({ from: 300, to: 410 });
  });
  it('shows at least 20 steps before an early flag, never before the first step', () => {
    expect(stepsBeforeFlag(30, 1)).toEqual({ from: 10, to: 32 });
    expect(stepsBeforeFlag(3, 1)).toEqual({ from: 1, to: 5 });
  });
});
