import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine/records';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { expectKind } from '../engine/testing/nonFinite';
import { decodeScenario } from '../scenarios/codec';
import { KeptRecords } from './keptRecords';
import { RUN_FILE_VERSION, parseRunJson, runToCsv, runToJson } from './runFile';
import type { ExportedRecords } from './stepCoverage';

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

/** Records as a run keeps them for export (every one: these runs are far below the cap). */
function exported(records: StepRecord[], maxRecords?: number): ExportedRecords {
  const kept = new KeptRecords(maxRecords);
  records.forEach((r) => kept.push(r));
  return kept.exportable();
}

describe('run JSON', () => {
  it('round-trips the scenario, records and non-finite losses', () => {
    const s = { ...DEFAULT_SCENARIO, lr: 3, hidden: [4, 2], precision: 'float16' as const };
    const text = runToJson(s, exported([record(1, 0.5), record(2, Number.NaN), record(3, Infinity)]), null);
    const back = parseRunJson(text);
    expect(back.scenario).toEqual(s);
    expect(back.rejected).toEqual([]);
    expect(back.records.map((r) => r.loss)).toEqual([0.5, Number.NaN, Infinity]);
  });

  it('carries the held-out loss of the steps that measured it, NaN included', () => {
    const records = [{ ...record(1, 0.5), heldOutLoss: 0.75 }, record(2, 0.25), { ...record(3, 0.5), heldOutLoss: Number.NaN }];
    const back = parseRunJson(runToJson(DEFAULT_SCENARIO, exported(records), null)).records;
    expect(back.map((r) => r.heldOutLoss)).toEqual([0.75, undefined, Number.NaN]);
    expectKind(back[2]!.heldOutLoss!, 'NaN');
  });

  it('gives back exactly the records exported, NaN, +Inf and -Inf in every field', () => {
    const odd = [Number.NaN, Infinity, -Infinity, 2, -0.5, 1e-300];
    const records = Array.from({ length: 600 }, (_, i) => {
      const v = odd[i % odd.length]!;
      return {
        ...record(i + 1, v),
        gradNorm: odd[(i + 1) % odd.length]!,
        gradNorms: { a: v, b: -v },
        weightNorms: { a: 1 },
        updateRatios: { a: v },
        activationMax: { l: v },
      };
    });
    const file = exported(records);
    const back = parseRunJson(runToJson(DEFAULT_SCENARIO, file, null));
    expect(back.records).toEqual(records);
    expect(Object.is(back.records[1]!.gradNorms.b, -Infinity)).toBe(true);
    expect(back.steps).toEqual(file.steps);
  });

  it('states which steps it holds: all of them, or which part and why', () => {
    const all = JSON.parse(runToJson(DEFAULT_SCENARIO, exported([record(1, 1), record(2, 1)]), null)) as Record<string, unknown>;
    expect(all.version).toBe(RUN_FILE_VERSION);
    expect(all.steps).toEqual({ total: 2, kept: 2, ranges: [[1, 2]], reason: null });

    const run = Array.from({ length: 300 }, (_, i) => record(i + 1, i + 1 >= 100 ? Number.NaN : 1));
    const part = parseRunJson(runToJson(DEFAULT_SCENARIO, exported(run, 100), null));
    expect(part.records.map((r) => r.step)).toEqual([...steps(1, 45), ...steps(95, 104), ...steps(256, 300)]);
    expect(part.steps?.ranges).toEqual([
      [1, 45],
      [95, 104],
      [256, 300],
    ]);
    expect(part.steps?.reason).toMatch(/^a run keeps at most 100 steps for export/);
  });

  it('still reads a version 1 file, which does not say which steps it holds', () => {
    const v1 = JSON.stringify(
      { format: 'nan-playground-run', version: 1, exportedAt: '', scenario: { lr: 0.5 }, report: null, records: [record(7, Number.NaN)] },
      (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v),
    );
    const back = parseRunJson(v1);
    expect(back.scenario.lr).toBe(0.5);
    expect(back.records).toEqual([record(7, Number.NaN)]);
    expect(back.steps).toBeNull();
  });

  it('drops a malformed steps statement instead of trusting it', () => {
    const text = JSON.stringify({
      format: 'nan-playground-run',
      version: 2,
      scenario: {},
      records: [],
      steps: { total: -1, kept: 0, ranges: [], reason: null },
    });
    expect(parseRunJson(text).steps).toBeNull();
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

  it("refuses a whole number past 2^53 by the field's own maximum", () => {
    const file = parseRunJson(JSON.stringify({ format: 'nan-playground-run', version: 2, scenario: { seed: 1e20, hidden: [1e20] }, records: [] }));
    expect(file.rejected).toEqual([
      { key: 'seed', value: '100000000000000000000', reason: 'above the maximum 2147483647' },
      { key: 'hidden', value: '[100000000000000000000]', reason: 'item 1 above the maximum 256' },
    ]);
  });

  it('refuses a newer version, naming it, and a file with no version or a bad one', () => {
    const file = (version: unknown): string => JSON.stringify({ format: 'nan-playground-run', version, scenario: {}, records: [] });
    expect(() => parseRunJson(file(999))).toThrow(
      'this file is version 999; this playground reads up to version 2 (a newer playground wrote it: open it there)',
    );
    expect(() => parseRunJson(file(undefined))).toThrow(
      'this file has no "version", so it cannot be told how to read it (this playground reads versions 1 to 2; the files it exports say "version": 2)',
    );
    expect(() => parseRunJson(file('2'))).toThrow('this file\'s "version" is "2", not a version number (this playground reads versions 1 to 2)');
    expect(() => parseRunJson(file(1.5))).toThrow(/"version" is 1.5, not a version number/);
    expect(parseRunJson(file(1)).records).toEqual([]);
    expect(parseRunJson(file(RUN_FILE_VERSION)).records).toEqual([]);
  });

  it('refuses what is not a run file', () => {
    expect(() => parseRunJson('{')).toThrow(/not JSON/);
    expect(() => parseRunJson('{"a":1}')).toThrow(/not a NaN playground run/);
  });
});

describe('run CSV', () => {
  it('writes a header and one row per record, with NaN/Inf spelt out', () => {
    const csv = runToCsv(exported([record(1, 0.5), record(2, Number.NaN)]))
      .trim()
      .split('\n');
    expect(csv[0]).toBe('step,loss,gradNorm,nonFinite,skipped,grad:dense1/kernel,weight:dense1/kernel');
    expect(csv[2]).toBe('2,NaN,1,1,0,0.5,2');
  });

  it('a run with a held-out loss gets its column, empty where a step did not measure it', () => {
    const csv = runToCsv(exported([{ ...record(1, 0.5), heldOutLoss: 0.75 }, record(2, 0.25), { ...record(3, 0.5), heldOutLoss: Number.NaN }]))
      .trim()
      .split('\n');
    expect(csv[0]).toBe('step,loss,heldOutLoss,gradNorm,nonFinite,skipped,grad:dense1/kernel,weight:dense1/kernel');
    expect(csv.slice(1)).toEqual(['1,0.5,0.75,1,0,0,0.5,2', '2,0.25,,1,0,0,0.5,2', '3,0.5,NaN,1,0,0,0.5,2']);
  });

  it('a part of a run starts with a # line saying which steps and why', () => {
    const run = Array.from({ length: 250 }, (_, i) => record(i + 1, 1));
    const [note, header, first] = runToCsv(exported(run, 100)).split('\n');
    expect(note).toBe(
      "# 90 of the run's 250 steps: 1–45 and 206–250 (a run keeps at most 100 steps for export (at most 16 MiB of numbers): past that, its first 45 steps and its last 45)",
    );
    expect(header).toMatch(/^step,loss,/);
    expect(first).toMatch(/^1,1,/);
  });
});

const steps = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
