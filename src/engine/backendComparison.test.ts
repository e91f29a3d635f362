import { describe, expect, it } from 'vitest';
import { compareRecords, differingQuirks } from './backendComparison';
import { stepRecord } from './testing/stepRecord';

const side = (backend: string, quirks: { id: string; expression: string; ieee: number; measured: number }[] = []) => ({
  backend,
  quirks: quirks.map((q) => ({ ...q, description: '' })),
});

describe('compareRecords', () => {
  it('compares only the steps both runs have, and finds the first difference and the first past 1e-6', () => {
    const a = [1, 2, 3, 4].map((s) => stepRecord(s));
    const b = [1, 2, 3].map((s) => stepRecord(s, { loss: s === 2 ? (1 / 2) * (1 + 1e-9) : s === 3 ? 1 / 3 + 0.01 : 1 / s }));
    const c = compareRecords([side('cpu'), side('wasm')], a, b);
    expect(c.steps).toBe(3);
    expect(c.losses.map((l) => l.relative === 0)).toEqual([true, false, false]);
    expect(c.firstDifference).toMatchObject({ step: 2, quantity: 'loss' });
    expect(c.firstBeyondThreshold).toMatchObject({ step: 3, quantity: 'loss' });
    expect(c.explanation).toContain('rounding differences');
  });

  it("takes each run's first non-finite step from its records", () => {
    const a = [stepRecord(1), stepRecord(2, { nonFinite: true, loss: Number.POSITIVE_INFINITY })];
    const b = [stepRecord(1), stepRecord(2)];
    expect(compareRecords([side('cpu'), side('wasm')], a, b).firstNonFiniteStep).toEqual([2, null]);
  });

  it('names the measured edge cases the two backends disagree on, and only those', () => {
    const log0 = { id: 'log0', expression: 'log(0)', ieee: Number.NEGATIVE_INFINITY, measured: -88.03 };
    expect(differingQuirks([side('cpu'), side('webgl', [log0])])).toEqual(['log(0): −Inf on cpu, -88.03 on webgl']);
    expect(differingQuirks([side('webgl', [log0]), side('webgl', [log0])])).toEqual([]);
  });
});
