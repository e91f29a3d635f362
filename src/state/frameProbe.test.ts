import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameProbe } from './frameProbe';

describe('FrameProbe', () => {
  afterEach(() => vi.restoreAllMocks());

  it('summarises the frames it timed, longest included, and ignores an end without a begin', () => {
    const clock = [0, 2, 10, 14, 20, 29];
    vi.spyOn(performance, 'now').mockImplementation(() => clock.shift()!);
    const probe = new FrameProbe();
    for (let i = 0; i < 3; i++) {
      probe.begin();
      probe.end();
    }
    expect(probe.end()).toBeNull();
    expect(probe.summary()).toEqual({ frames: 3, mean: 5, median: 4, p90: 9, max: 9 });
  });
});
