import { describe, expect, it } from 'vitest';
import { findStall } from './stall';

const line = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

describe('findStall: finite is not learning', () => {
  it('a loss stuck near its start, noise and all (a saturated ratio loss), is flat', () => {
    const stall = findStall(line(50, (i) => 0.999 + (i % 3) * 0.001 - 0.001));
    expect(stall).toMatchObject({ kind: 'flat', fromStep: 1, toStep: 50 });
    expect(stall!.text).toBe('Not learning: the loss did not go down in 50 steps (it averaged 0.999 over the first 12 and 0.999 over the last 12).');
  });

  it('a loss that rose over the run (bounded, but too large a step) is rising', () => {
    const stall = findStall(line(40, (i) => 0.41 + i * 0.022));
    expect(stall).toMatchObject({ kind: 'rising', fromStep: 1, toStep: 40 });
    expect(stall!.text).toBe('Not learning: the loss rose from 0.41 at step 1 to 1.268 at step 40.');
  });

  it('a loss that jumps up at once and stays there rose, whatever its own average does', () => {
    expect(findStall(line(40, (i) => (i < 2 ? 0.41 : 2.2 - (i % 2) * 0.1)))?.kind).toBe('rising');
  });

  it('a loss that learned and then converged is not a stall; nor a short run, a moving loss or a non-finite one', () => {
    expect(findStall(line(100, (i) => Math.max(0.01, 0.45 * 0.9 ** i)))).toBeNull();
    expect(findStall(line(10, () => 1))).toBeNull();
    expect(findStall(line(60, (i) => 1 - i * 0.005))).toBeNull();
    expect(findStall([...line(30, () => 1), Infinity])).toBeNull();
    expect(findStall(line(30, () => 0))).toBeNull();
  });
});
