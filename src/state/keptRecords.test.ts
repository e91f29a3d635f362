import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine/records';
import { KeptRecords, keepPolicy } from './keptRecords';
import { RunHistory } from './lossHistory';
import { rowBytes } from './recordTable';

const PARAMS = ['dense1/kernel', 'dense1/bias', 'dense2/kernel', 'dense2/bias'];
const perParam = (v: number): Record<string, number> => Object.fromEntries(PARAMS.map((p) => [p, v]));

/** A record shaped like the default MLP's (4 parameters, 2 layers: 18 numbers), flagged from step `flagAt` on. */
function record(step: number, flagAt = Infinity): StepRecord {
  const broken = step >= flagAt;
  return {
    step,
    loss: broken ? NaN : 1 / step,
    gradNorm: broken ? Infinity : step,
    gradNorms: perParam(broken ? -Infinity : step),
    weightNorms: perParam(2 * step),
    updateRatios: perParam(0.5),
    activationMax: { dense1: 3, dense2: 4 },
    nonFinite: broken,
    skipped: false,
    warnings: [],
  };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function fill(kept: { push(r: StepRecord): void }, steps: number, flagAt = Infinity): void {
  for (let s = 1; s <= steps; s++) kept.push(record(s, flagAt));
}

describe('KeptRecords: every record up to the cap', () => {
  it('a 10,000-step history exports all 10,000 records and says it is all of them', () => {
    const history = new RunHistory();
    fill(history, 10_000, 9_000);
    const { records, steps } = history.exportable();
    expect(records.length).toBe(10_000);
    expect(records[0]).toEqual(record(1, 9_000));
    expect(records[8_999]).toEqual(record(9_000, 9_000));
    expect(records.at(-1)).toEqual(record(10_000, 9_000));
    expect(steps).toEqual({ total: 10_000, kept: 10_000, ranges: [[1, 10_000]], reason: null });
  });

  it('the cap is 100,000 for the default model and shrinks for large records, within 16 MiB', () => {
    expect(rowBytes(record(1))).toBe(144);
    expect(keepPolicy(144)).toEqual({ cap: 100_000, first: 45_000, before: 5_000, after: 4_999, last: 45_000 });
    // A U-Net with batch norm: 123 numbers a record.
    expect(keepPolicy(984)).toEqual({ cap: 17_000, first: 7_650, before: 850, after: 849, last: 7_650 });
    for (const bytes of [144, 312, 984, 4000]) expect(keepPolicy(bytes).cap * bytes).toBeLessThanOrEqual(16 * 2 ** 20);
  });
});

describe('KeptRecords: past the cap', () => {
  it('keeps the first 45,000, 5,000 before the first non-finite step to 4,999 after it, and the last 45,000', () => {
    const kept = new KeptRecords();
    fill(kept, 140_000, 80_000);
    const { records, steps } = kept.exportable();
    const expected = [...range(1, 45_000), ...range(75_000, 84_999), ...range(95_001, 140_000)];
    expect(records.map((r) => r.step)).toEqual(expected);
    expect(records[45_000]).toEqual(record(75_000, 80_000));
    expect(records[50_000]).toEqual(record(80_000, 80_000));
    expect(steps.total).toBe(140_000);
    expect(steps.kept).toBe(100_000);
    expect(steps.ranges).toEqual([
      [1, 45_000],
      [75_000, 84_999],
      [95_001, 140_000],
    ]);
    expect(steps.reason).toBe(
      'a run keeps at most 100,000 steps for export (at most 16 MiB of numbers): past that, its first 45,000 steps, ' +
        'the 5,000 before the first non-finite step, that step and the 4,999 after it and its last 45,000',
    );
  });

  it('without a flag keeps the first and the last', () => {
    const kept = new KeptRecords(100);
    fill(kept, 250);
    const { records, steps } = kept.exportable();
    expect(records.map((r) => r.step)).toEqual([...range(1, 45), ...range(206, 250)]);
    expect(steps.ranges).toEqual([
      [1, 45],
      [206, 250],
    ]);
    expect(steps.reason).toContain('its first 45 steps and its last 45');
  });

  it('a flag among the first steps keeps the steps after it that the first part does not hold', () => {
    const kept = new KeptRecords(100);
    fill(kept, 300, 43); // steps 43 … 47 are around the flag; 46 and 47 are past the first 45
    expect(kept.exportable().records.map((r) => r.step)).toEqual([...range(1, 47), ...range(256, 300)]);
  });

  it('a flag among the last steps adds nothing beyond them', () => {
    const kept = new KeptRecords(100);
    fill(kept, 300, 290);
    expect(kept.exportable().steps.ranges).toEqual([
      [1, 45],
      [256, 300],
    ]);
  });

  it('only the first non-finite step opens the window, and clear forgets it', () => {
    const kept = new KeptRecords(100);
    fill(kept, 400, 100); // every step from 100 on is non-finite
    expect(kept.exportable().steps.ranges).toEqual([
      [1, 45],
      [95, 104],
      [356, 400],
    ]);
    kept.clear();
    fill(kept, 30);
    expect(kept.exportable().steps).toEqual({ total: 30, kept: 30, ranges: [[1, 30]], reason: null });
  });

  it('names the steps by their numbers when a run starts past step 1', () => {
    const kept = new KeptRecords(100);
    for (let s = 501; s <= 700; s++) kept.push(record(s));
    expect(kept.exportable().steps.ranges).toEqual([
      [501, 545],
      [656, 700],
    ]);
  });
});
