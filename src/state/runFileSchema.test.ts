import { describe, expect, it } from 'vitest';
import { stepRecord } from '../engine/testing/stepRecord';
import { parseRunJson, runFileSizeProblem } from './runFile';
import { MAX_FILE_RECORDS, MAX_RECORD_KEYS, MAX_RUN_FILE_BYTES, readRecords } from './runFileSchema';

const runFile = (over: Record<string, unknown>): string => JSON.stringify({ format: 'nan-playground-run', version: 2, scenario: {}, records: [], ...over });

describe('what an imported run file may hold', () => {
  it('a file over the size limit is refused by its size alone, naming both', () => {
    expect(runFileSizeProblem(MAX_RUN_FILE_BYTES)).toBeNull();
    expect(runFileSizeProblem(40e6)).toBeNull();
    expect(runFileSizeProblem(140e6)).toBe('this file is 140 MB; a run file may be at most 100 MB');
  });

  it('200,000 unknown settings: the scenario still loads, the notice lists 50 and counts the rest', () => {
    const scenario = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
    const run = parseRunJson(runFile({ scenario: { ...scenario, lr: 0.05 } }));
    expect(run.scenario.lr).toBe(0.05);
    expect(run.rejected).toHaveLength(51);
    expect(run.rejected[0]).toEqual({ key: 'k0', value: '0', reason: 'unknown key' });
    expect(run.rejected[50]).toEqual({ key: '…', value: '', reason: '199,950 more ignored keys not listed' });
  });

  it('a 40 MB value is cut short in the notice, with its length', () => {
    const run = parseRunJson(runFile({ scenario: { model: 'x'.repeat(40e6) } }));
    expect(run.rejected).toEqual([{ key: 'model', value: `"${'x'.repeat(39)}… (40000002 characters)`, reason: expect.any(String) }]);
  });

  it('a NaN or infinite setting is shown as NaN or Infinity, not null', () => {
    const run = parseRunJson(runFile({ scenario: { lr: 'NaN', seed: '-Infinity' } }));
    expect(run.rejected.map((r) => `${r.key}=${r.value}`)).toEqual(['lr=NaN', 'seed=-Infinity']);
  });

  it('a record that is not a step record refuses the file, naming the record and the field', () => {
    const records = [stepRecord(1), { ...stepRecord(2), loss: 'high' }];
    expect(() => parseRunJson(runFile({ records }))).toThrow('its records cannot be drawn: record 2 is not a step record (loss: not a number)');
    expect(() => parseRunJson(runFile({ records: { a: 1 } }))).toThrow('its records cannot be drawn: "records" is not a list');
  });

  it('records keep NaN and ±Infinity, and a record naming too many parameters is refused', () => {
    const run = parseRunJson(runFile({ records: [stepRecord(1, { loss: 'NaN' as unknown as number, gradNorm: 'Infinity' as unknown as number })] }));
    expect(Number.isNaN(run.records[0]!.loss)).toBe(true);
    expect(run.records[0]!.gradNorm).toBe(Infinity);
    const wide = Object.fromEntries(Array.from({ length: MAX_RECORD_KEYS + 1 }, (_, i) => [`p${i}`, 1]));
    expect(() => parseRunJson(runFile({ records: [stepRecord(1, { gradNorms: wide })] }))).toThrow(
      /record 1 is not a step record \(gradNorms: names more than 1000/,
    );
  });

  it('more records than a run keeps are refused before any is read', () => {
    expect(readRecords(new Array(MAX_FILE_RECORDS + 1).fill(null))).toEqual({
      ok: false,
      reason: 'it holds 100,001 records; a run file holds at most 100,000',
    });
  });

  it('a malformed sentinel report is left out and said so; a well-formed one is kept', () => {
    const bad = parseRunJson(runFile({ report: { step: 'three' } }));
    expect(bad.report).toBeNull();
    expect(bad.rejected).toEqual([{ key: 'report', value: '(the sentinel report)', reason: 'malformed; left out' }]);
    const report = {
      quantity: 'loss/value',
      phase: 'loss',
      kind: 'NaN',
      counts: { nan: 1, posInf: 0, negInf: 0 },
      size: 1,
      step: 3,
      lastFiniteMaxAbs: 'Infinity',
      cascade: [],
      backend: 'cpu',
      precision: 'float32',
      growth: [],
    };
    expect(parseRunJson(runFile({ report })).report).toEqual({ ...report, lastFiniteMaxAbs: Infinity });
  });
});
