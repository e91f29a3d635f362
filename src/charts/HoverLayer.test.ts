import { describe, expect, it } from 'vitest';
import { LiveRun } from '../state/liveRun';
import { hoverText, nearestRecordedStep } from './HoverLayer';

function runWith(steps: number[]): { feed: LiveRun; label: string; color: string } {
  const feed = new LiveRun({ schedule: () => undefined, now: () => 0 });
  for (const s of steps) feed.trace.push(s, 1 / s);
  return { feed, label: `r${steps.length}`, color: '#000' };
}

describe('the hover', () => {
  it('snaps to the nearest step any run recorded, so a run that stopped early does not hold the pointer', () => {
    const flagged = runWith([1, 2, 3]);
    const fixed = runWith(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(nearestRecordedStep([flagged, fixed], 15.4)).toBe(15);
    expect(nearestRecordedStep([flagged], 15.4)).toBe(3);
    expect(nearestRecordedStep([], 2)).toBeNull();
  });

  it('says each value in words: finite with its smoothed value, non-finite by kind, missing as a dash', () => {
    expect(hoverText('this run', 0.25, 0.3)).toBe('this run: 0.25 (smoothed 0.3)');
    expect(hoverText('this run', Number.POSITIVE_INFINITY, 0.3)).toBe('this run: +Inf (non-finite)');
    expect(hoverText('file', Number.NEGATIVE_INFINITY, undefined)).toBe('file: −Inf (non-finite)');
    expect(hoverText('file', Number.NaN, undefined)).toBe('file: NaN (non-finite)');
    expect(hoverText('after', undefined, undefined)).toBe('after: –');
  });
});
