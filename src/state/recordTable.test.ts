import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine/records';
import { expectKind } from '../engine/testing/nonFinite';
import { RecordTable } from './recordTable';

function record(step: number, extra: Partial<StepRecord> = {}): StepRecord {
  return {
    step,
    loss: step === 3 ? NaN : 1 / step,
    gradNorm: step === 3 ? Infinity : step,
    gradNorms: { 'dense1/kernel': step, 'dense1/bias': -Infinity },
    weightNorms: { 'dense1/kernel': 2 * step, 'dense1/bias': 0 },
    updateRatios: { 'dense1/kernel': 0.5, 'dense1/bias': NaN },
    activationMax: { dense1: 3 },
    nonFinite: step === 3,
    skipped: step === 4,
    warnings: step === 2 ? [{ step: 2, kind: 'fastGrowth', quantity: 'x', value: 10, limit: 3.4e38, message: 'grew' }] : [],
    ...extra,
  };
}

describe('RecordTable', () => {
  it('gives back exactly the records it was given, NaN and ±Inf included', () => {
    const t = new RecordTable();
    const input = Array.from({ length: 600 }, (_, i) => record(i + 1));
    input.forEach((r) => t.push(r));
    expect(t.length).toBe(600);
    expect(t.toArray()).toEqual(input);
    expect(Object.is(t.at(2).loss, NaN)).toBe(true);
    expect(t.at(2).gradNorm).toBe(Infinity);
    expect(t.at(0).gradNorms['dense1/bias']).toBe(-Infinity);
  });

  it('keeps a record with other keys as it is', () => {
    const t = new RecordTable();
    t.push(record(1));
    const odd = record(2, { activationMax: { other: 1 } });
    t.push(odd);
    t.push(record(3));
    expect(t.at(1)).toEqual(odd);
    expect(t.at(2)).toEqual(record(3));
  });

  it('grows past a chunk (4,096 rows) without losing a row', () => {
    const t = new RecordTable();
    for (let s = 1; s <= 9000; s++) t.push(record(s));
    expect(t.length).toBe(9000);
    expect([t.at(0), t.at(4095), t.at(4096), t.at(8999)]).toEqual([record(1), record(4096), record(4097), record(9000)]);
  });

  it('put overwrites a row, its warnings and an odd record included', () => {
    const t = new RecordTable();
    for (let s = 1; s <= 3; s++) t.push(record(s));
    t.put(1, record(7)); // row 1 held step 2 and its warning
    t.put(0, record(8, { activationMax: { other: 1 } }));
    t.put(0, record(9));
    expect(t.toArray()).toEqual([record(9), record(7), record(3)]);
    expect(() => t.put(5, record(5))).toThrow(RangeError);
  });

  it('keeps the held-out loss of the rows that have one (NaN included) and none on the others', () => {
    const t = new RecordTable();
    const input = [record(1, { heldOutLoss: 0.5 }), record(2), record(3, { heldOutLoss: NaN }), record(4, { heldOutLoss: -Infinity })];
    input.forEach((r) => t.push(r));
    expect(t.toArray()).toEqual(input);
    expect('heldOutLoss' in t.at(1)).toBe(false);
    expectKind(t.at(2).heldOutLoss!, 'NaN');
    expectKind(t.at(3).heldOutLoss!, '-Inf');
  });

  it('keeps a held-out loss that arrives after a first record without one, as an odd record', () => {
    const t = new RecordTable();
    const late = record(2, { heldOutLoss: 0.25 });
    t.push(record(1));
    t.push(late);
    expect(t.at(1)).toEqual(late);
  });

  it('clear starts a new layout', () => {
    const t = new RecordTable();
    t.push(record(1));
    t.clear();
    const other = record(1, { gradNorms: { w: 1 }, weightNorms: { w: 1 }, updateRatios: { w: 1 }, activationMax: {} });
    t.push(other);
    expect(t.toArray()).toEqual([other]);
  });
});
