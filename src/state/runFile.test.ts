import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine/records';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { decodeScenario } from '../scenarios/codec';
import { parseRunJson, runToCsv, runToJson } from './runFile';

const record = (step: number, loss: number): StepRecord => ({
  step,
  loss,
  gradNorm: 1,
  gradNorms: { 'dense1/kernel': 0.5 },
  weightNorms: { 'dense1/kernel': 2 },
  updateRatios: {},
  activationMax: {},
  nonFinite: !Number.isFinite(loss),
  skipped: false,
  warnings: [],
});

describe('run JSON', () => {
  it('round-trips the scenario, records and non-finite losses', () => {
    const s = { ...DEFAULT_SCENARIO, lr: 3, hidden: [4, 2], precision: 'float16' as const };
    const text = runToJson(s, [record(1, 0.5), record(2, Number.NaN), record(3, Infinity)], null);
    const back = parseRunJson(text);
    expect(back.scenario).toEqual(s);
    expect(back.rejected).toEqual([]);
    expect(back.records.map((r) => r.loss)).toEqual([0.5, Number.NaN, Infinity]);
  });

  it('keeps valid fields and reports invalid or unknown ones', () => {
    const text = JSON.stringify({ format: 'nan-playground-run', version: 1, scenario: { lr: -1, optimizer: 'sgd', bogus: 1 }, records: [] });
    const back = parseRunJson(text);
    expect(back.scenario.optimizer).toBe('sgd');
    expect(back.scenario.lr).toBe(DEFAULT_SCENARIO.lr);
    expect(back.rejected.map((r) => r.key).sort()).toEqual(['bogus', 'lr']);
  });

  it('refuses a bad key exactly as a link does', () => {
    const file = parseRunJson(JSON.stringify({ format: 'nan-playground-run', version: 1, scenario: { lr: -1, bogus: 1, seed: 2.5 }, records: [] }));
    const link = decodeScenario('lr=-1&bogus=1&seed=2.5');
    expect(file.rejected).toEqual([
      { key: 'lr', value: '-1', reason: 'below the minimum 1e-8' },
      { key: 'bogus', value: '1', reason: 'unknown key' },
      { key: 'seed', value: '2.5', reason: 'not a whole number' },
    ]);
    expect(file.rejected).toEqual(link.rejected);
  });

  it('refuses what is not a run file', () => {
    expect(() => parseRunJson('{')).toThrow(/not JSON/);
    expect(() => parseRunJson('{"a":1}')).toThrow(/not a NaN playground run/);
  });
});

describe('run CSV', () => {
  it('writes a header and one row per record, with NaN/Inf spelt out', () => {
    const csv = runToCsv([record(1, 0.5), record(2, Number.NaN)])
      .trim()
      .split('\n');
    expect(csv[0]).toBe('step,loss,gradNorm,nonFinite,skipped,grad:dense1/kernel,weight:dense1/kernel');
    expect(csv[2]).toBe('2,NaN,1,1,0,0.5,2');
  });
});
