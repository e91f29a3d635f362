import { describe, expect, it } from 'vitest';
import { LiveRun } from '../state/liveRun';
import { stepRecord } from '../engine/testing/stepRecord';
import { hoverLines, hoverText, nearestRecordedStep } from './HoverLayer';

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

  it("adds a run's validation value at the nearest step that measured one, naming that step when it is another", () => {
    const feed = new LiveRun({ schedule: () => undefined, now: () => 0 });
    feed.push(Array.from({ length: 20 }, (_, i) => stepRecord(i + 1, i + 1 === 1 || (i + 1) % 10 === 0 ? { heldOutLoss: 0.5 + i } : {})));
    feed.flush();
    const plain = runWith([1, 2, 3]);
    const main = { feed, label: 'this run', color: '#111' };
    expect(hoverLines([main, plain], 10, 0).map((l) => [l.kind, l.text, l.loss])).toEqual([
      ['training', 'this run: 0.1', 0.1],
      ['validation', 'validation: 9.5', 9.5],
      ['training', 'r3: –', undefined],
    ]);
    expect(hoverLines([main], 13, 0)[1]).toEqual({ kind: 'validation', color: '#111', loss: 9.5, text: 'validation: 9.5 (step 10)' });
    expect(hoverLines([plain, main], 17, 0)[2]!.text).toBe('this run validation: 19.5 (step 20)');
  });
});
