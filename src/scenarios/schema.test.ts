import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { FIELDS, FIELDS_BY_GROUP, FIELD_GROUPS, ScenarioSchema, checkFieldValue, validateScenario } from './schema';

describe('schema table', () => {
  it('has exactly one row per scenario field, with the default taken from DEFAULT_SCENARIO', () => {
    expect(FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_SCENARIO).sort());
    for (const f of FIELDS) expect(f.default).toEqual(DEFAULT_SCENARIO[f.key]);
  });

  it('uses unique, short, URL-safe names that do not clash with the reserved keys', () => {
    const urls = FIELDS.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) {
      expect(u).toMatch(/^[a-z][a-z0-9]*$/i);
      expect(u.length).toBeLessThanOrEqual(8);
      expect(['v', 'preset']).not.toContain(u);
    }
  });

  it('groups every field once, in the declared group order', () => {
    expect(FIELDS_BY_GROUP.map((g) => g.group)).toEqual([...FIELD_GROUPS]);
    expect(FIELDS_BY_GROUP.flatMap((g) => g.fields).length).toBe(FIELDS.length);
    for (const g of FIELDS_BY_GROUP) expect(g.fields.length).toBeGreaterThan(0);
  });

  it('marks the log-scale fields the controls need', () => {
    const log = FIELDS.filter((f) => 'range' in f && f.range.log).map((f) => f.key);
    for (const k of ['lr', 'inputScale', 'clipValue', 'lossEps', 'adamEps', 'weightDecay'] as const) expect(log).toContain(k);
    for (const f of FIELDS) {
      if ('range' in f && f.range.log && f.range.min === 0) expect(f.range.logFloor).toBeGreaterThan(0);
    }
  });

  it('marks model-shaping fields structural and tuning fields not', () => {
    const structural = new Set(FIELDS.filter((f) => f.structural).map((f) => f.key));
    for (const k of ['model', 'dataset', 'hidden', 'init', 'seed', 'precision', 'backend'] as const) expect(structural.has(k)).toBe(true);
    for (const k of ['lr', 'optimizer', 'clipping', 'steps'] as const) expect(structural.has(k)).toBe(false);
  });
});

describe('validation derived from the table', () => {
  it('accepts the default scenario', () => {
    expect(ScenarioSchema.safeParse({ ...DEFAULT_SCENARIO }).success).toBe(true);
  });

  it('names the range, type and enum problems in words', () => {
    expect(checkFieldValue('lr', 1e39)).toBe('above the maximum 1e38');
    expect(checkFieldValue('lr', 1e20)).toBeNull(); // past the slider, still a learning rate
    expect(checkFieldValue('seed', 0)).toBe('below the minimum 1');
    expect(checkFieldValue('steps', 1.5)).toBe('not a whole number');
    expect(checkFieldValue('lr', Number.NaN)).toMatch(/not a number/);
    expect(checkFieldValue('optimizer', 'adagrad')).toMatch(/^not one of sgd, momentum, adam/);
    expect(checkFieldValue('hidden', [])).toBe('needs at least 1 item(s)');
    expect(checkFieldValue('hidden', [4, 0])).toBe('item 2 below the minimum 1');
    expect(checkFieldValue('batchNorm', 'yes')).toBe('not a boolean');
  });

  it("names the field's own bounds for whole numbers past 2^53, not the largest safe integer", () => {
    expect(checkFieldValue('seed', 1e20)).toBe('above the maximum 2147483647');
    expect(checkFieldValue('steps', 2 ** 53 + 2)).toBe('above the maximum 100000');
    expect(checkFieldValue('seed', -1e20)).toBe('below the minimum 1');
    expect(checkFieldValue('hidden', [4, 1e20])).toBe('item 2 above the maximum 256');
    expect(checkFieldValue('seed', 2.5)).toBe('not a whole number');
  });

  it('rejects unknown and mistyped fields in a whole scenario', () => {
    const bad = { ...DEFAULT_SCENARIO, lr: -1, learningRate: 0.1 } as unknown as Scenario;
    const result = validateScenario(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.some((p) => p.startsWith('lr: below the minimum'))).toBe(true);
      expect(result.problems.join('\n')).toMatch(/learningRate/);
    }
  });
});
