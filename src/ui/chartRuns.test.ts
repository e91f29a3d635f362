import { describe, expect, it } from 'vitest';
import { stepRecord } from '../engine/testing/stepRecord';
import { LiveRun } from '../state/liveRun';
import { legendOf } from './chartRuns';

function feed(heldOut: boolean): LiveRun {
  const run = new LiveRun({ schedule: () => undefined, now: () => 0 });
  run.push([stepRecord(1, heldOut ? { heldOutLoss: 0.5 } : {}), stepRecord(2)]);
  run.flush();
  return run;
}

describe("the PNG export's legend", () => {
  it('names each run by its line, and adds its dash-dot validation line where the run has a held-out loss', () => {
    const legend = legendOf([
      { feed: feed(true), label: 'before (this run)', slot: 0 },
      { feed: feed(false), label: 'after: lower the learning rate', slot: 1 },
    ]);
    expect(legend).toEqual([
      { label: 'before (this run)', stroke: '#0072B2', dash: undefined },
      { label: 'before (this run): validation', stroke: '#222', dash: '7 3 1.5 3' },
      { label: 'after: lower the learning rate', stroke: '#E69F00', dash: '8 4' },
    ]);
  });
});
