import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { decodeScenario, describeRejected, encodeScenario, parseSetting, queryOf, scenarioTitle } from './codec';
import { presetById, presetScenario } from './presets';

const base = (): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden] });

describe('encodeScenario', () => {
  it('writes only the version for the default scenario', () => {
    expect(encodeScenario(base())).toBe('v=1');
  });

  it('writes non-default values with short keys in table order, v first', () => {
    const s = { ...base(), lr: 1e-7, optimizer: 'sgd' as const, hidden: [8, 4], precision: 'float16' as const, batchNorm: true, inputScale: 1e12 };
    expect(encodeScenario(s)).toBe('v=1&hidden=8,4&bn=1&scale=1e12&opt=sgd&lr=1e-7&prec=float16');
  });

  it('writes a preset link as the preset id plus what differs from the preset', () => {
    const preset = presetById('unscaled-features-sgd')!;
    const s = { ...presetScenario(preset), lr: 0.001 };
    expect(encodeScenario(s, { preset: preset.id })).toBe('v=1&preset=unscaled-features-sgd&lr=0.001');
  });
});

describe('decodeScenario', () => {
  it('reads what it wrote', () => {
    const s = { ...base(), lr: 0.3, hidden: [3], clipping: 'norm' as const, clipValue: 0.5, seed: 7 };
    expect(decodeScenario(encodeScenario(s))).toEqual({ scenario: s, rejected: [] });
  });

  it('accepts a full URL, a leading "?", URLSearchParams and full field names', () => {
    expect(decodeScenario('https://x.org/app/?v=1&lr=0.5#top').scenario.lr).toBe(0.5);
    expect(decodeScenario('?lr=0.5').scenario.lr).toBe(0.5);
    expect(decodeScenario(new URLSearchParams('lr=0.5')).scenario.lr).toBe(0.5);
    expect(decodeScenario('inputScale=1000').scenario.inputScale).toBe(1000);
    expect(queryOf('/play?lr=1')).toBe('lr=1');
  });

  it('reports a bad value naming key and reason, and keeps the rest', () => {
    const { scenario, rejected } = decodeScenario('v=1&lr=abc&opt=sgd');
    expect(scenario.optimizer).toBe('sgd');
    expect(scenario.lr).toBe(DEFAULT_SCENARIO.lr);
    expect(rejected.map(describeRejected)).toEqual(['ignored lr=abc: not a number']);
  });

  it.each([
    ['lr=NaN', 'lr', 'not a finite number'],
    ['lr=Infinity', 'lr', 'not a finite number'],
    ['lr=-0.1', 'lr', 'below the minimum 1e-8'],
    ['lr=1e400', 'lr', 'above the maximum 1e38'],
    ['lr=-1e400', 'lr', 'below the minimum 1e-8'],
    ['lr=1e40', 'lr', 'above the maximum 1e38'],
    ['scale=1e39', 'scale', 'above the maximum 1e38'],
    ['seed=1e20', 'seed', 'above the maximum 2147483647'],
    ['steps=9007199254740993', 'steps', 'above the maximum 100000'],
    ['hidden=4,1e20', 'hidden', 'item 2 above the maximum 256'],
    ['lr=', 'lr', 'empty value'],
    ['lr=0x10', 'lr', 'not a number'],
    ['steps=2.5', 'steps', 'not a whole number'],
    ['seed=99999999999', 'seed', 'above the maximum 2147483647'],
    ['act=swish', 'act', 'not one of relu, leakyRelu, elu, tanh, sigmoid, softplus, linear'],
    ['bn=yes', 'bn', 'not 1/0 or true/false'],
    ['hidden=4,,2', 'hidden', 'item 2 (empty) is not a number'],
    ['hidden=4,0', 'hidden', 'item 2 below the minimum 1'],
    ['learningRate=0.1', 'learningRate', 'unknown key'],
    ['preset=nope', 'preset', 'no preset with this id'],
    ['v=2', 'v', 'unknown link version; read as version 1'],
    ['act=%F0%9F%94%A5', 'act', 'not one of relu, leakyRelu, elu, tanh, sigmoid, softplus, linear'],
  ])('%s is rejected: %s %s', (query, key, reason) => {
    const { scenario, rejected } = decodeScenario(query);
    expect(rejected).toEqual([expect.objectContaining({ key, reason })]);
    expect(scenario).toEqual(base());
  });

  it('uses the last of repeated keys and reports the earlier ones', () => {
    const { scenario, rejected } = decodeScenario('lr=0.1&learning=1&lr=0.2&lr=0.3');
    expect(scenario.lr).toBe(0.3);
    expect(rejected.filter((r) => r.key === 'lr').map((r) => r.value)).toEqual(['0.1', '0.2']);
    expect(rejected.find((r) => r.key === 'lr')!.reason).toMatch(/repeated/);
  });

  it('treats a full field name and its short name as the same key', () => {
    const { scenario, rejected } = decodeScenario('scale=10&inputScale=100');
    expect(scenario.inputScale).toBe(100);
    expect(rejected).toHaveLength(1);
  });

  it('cuts a 10 kB value short in the report', () => {
    const huge = 'x'.repeat(10_000);
    const { rejected } = decodeScenario(`lr=${huge}&${huge}=1`);
    expect(rejected).toHaveLength(2);
    expect(rejected[0]!.reason).toBe('value too long (10000 characters)');
    for (const r of rejected) expect(describeRejected(r).length).toBeLessThan(200);
  });

  it('lists at most 50 bad keys plus a count of the rest', () => {
    const q = Array.from({ length: 80 }, (_, i) => `junk${i}=1`).join('&');
    const { rejected } = decodeScenario(q);
    expect(rejected).toHaveLength(51);
    expect(rejected[50]!.reason).toBe('30 more ignored keys not listed');
  });

  it('applies the preset first and lets explicit keys override it, in either order', () => {
    for (const q of ['preset=unscaled-features-sgd&lr=0.5', 'lr=0.5&preset=unscaled-features-sgd']) {
      const { scenario, rejected, preset } = decodeScenario(q);
      expect(rejected).toEqual([]);
      expect(preset).toBe('unscaled-features-sgd');
      expect(scenario).toEqual({ ...presetScenario(presetById('unscaled-features-sgd')!), lr: 0.5 });
    }
  });

  it('never lets a decoded scenario share the frozen default arrays', () => {
    const { scenario } = decodeScenario('');
    scenario.hidden.push(3);
    expect(DEFAULT_SCENARIO.hidden).toEqual([16]);
  });
});

describe('parseSetting and scenarioTitle', () => {
  it('parses one key=value as the CLI --set needs', () => {
    expect(parseSetting('lr', '0.5')).toMatchObject({ ok: true, value: 0.5 });
    expect(parseSetting('prec', 'float64')).toMatchObject({ ok: false });
  });

  it('names a preset when the scenario is that preset, and the main settings otherwise', () => {
    const p = presetById('unscaled-features-sgd')!;
    expect(scenarioTitle(presetScenario(p), p.id)).toBe(`${p.title} · NaN playground`);
    expect(scenarioTitle({ ...presetScenario(p), lr: 1 }, p.id)).toMatch(/^linear · mse · sgd lr 1 \(from /);
    expect(scenarioTitle({ ...base(), precision: 'bfloat16' })).toBe('mlp · mse · adam lr 0.01 · bfloat16 · NaN playground');
  });
});
