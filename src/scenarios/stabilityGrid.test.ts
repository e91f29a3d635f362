import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import {
  MAP_FIELDS,
  axisValues,
  cellScenario,
  checkAxis,
  checkMapSpec,
  currentCell,
  defaultAxis,
  defaultMapSpec,
  mapField,
  pastUsual,
  type MapAxis,
} from './stabilityGrid';

const axis = (key: MapAxis['key'], min: number, max: number, cells: number): MapAxis => ({ key, min, max, cells });

describe('the fields a map can use', () => {
  it('are the numbers and whole numbers of the schema, except the steps a cell already shows', () => {
    const keys = MAP_FIELDS.map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['lr', 'inputScale', 'seed', 'batchSize', 'momentum', 'lossEps']));
    for (const k of ['steps', 'hidden', 'model', 'batchNorm'] as const) expect(keys).not.toContain(k);
  });
});

describe('default axes', () => {
  it('learning rate × input scale, two decades either side of the current values, 12 × 12', () => {
    expect(defaultMapSpec(DEFAULT_SCENARIO)).toEqual({ x: axis('lr', 1e-4, 1, 12), y: axis('inputScale', 0.01, 100, 12) });
  });

  it('clamp to the range, start a log axis above 0 from its floor, and span a linear range whole', () => {
    expect(defaultAxis(mapField('lr')!, 1e-8)).toEqual(axis('lr', 1e-8, 1e-6, 12));
    expect(defaultAxis(mapField('lr')!, 1e37)).toEqual(axis('lr', 1e35, 1e38, 12));
    expect(defaultAxis(mapField('weightDecay')!, 0)).toEqual(axis('weightDecay', 1e-8, 1e-4, 12));
    expect(defaultAxis(mapField('momentum')!, 0.9)).toEqual(axis('momentum', 0, 0.9999, 12));
    expect(defaultAxis(mapField('depth')!, 2)).toEqual(axis('depth', 1, 3, 3));
  });
});

describe('axisValues', () => {
  it('steps by equal decades on a log axis, ends exact, three significant digits between', () => {
    expect(axisValues(axis('lr', 1e-4, 1, 5))).toEqual([1e-4, 1e-3, 0.01, 0.1, 1]);
    const twelve = axisValues(axis('lr', 1e-4, 1, 12));
    expect(twelve[0]).toBe(1e-4);
    expect(twelve.at(-1)).toBe(1);
    expect(twelve[1]).toBe(0.000231);
    for (const v of twelve) expect(Number(v.toPrecision(3))).toBe(v);
  });

  it('steps linearly on a linear axis and rounds whole numbers without losing neighbours', () => {
    expect(axisValues(axis('momentum', 0, 0.9, 4))).toEqual([0, 0.3, 0.6, 0.9]);
    expect(axisValues(axis('batchSize', 1000, 1011, 12))).toEqual(Array.from({ length: 12 }, (_, k) => 1000 + k));
  });
});

describe('checkAxis / checkMapSpec', () => {
  it('accepts the default map', () => {
    expect(checkMapSpec(defaultMapSpec(DEFAULT_SCENARIO))).toBeNull();
  });

  it.each([
    [axis('model', 0, 1, 12), /^model is not a numeric setting; the map's axes can be .*\bscale\b.*\blr\b/],
    [axis('lr', 1e-4, 1, 33), /^Learning rate \(lr\): 33 cells; a map has 2 to 32 per axis$/],
    [axis('lr', 1e-4, 1, 1), /2 to 32 per axis/],
    [axis('lr', 1, 1e-4, 12), /^Learning rate \(lr\): the range 1…0\.0001 must run from a smaller to a larger number$/],
    [axis('lr', 1e-4, 1e40, 12), /^Learning rate \(lr\): the range 0\.0001…1e40 is outside 1e-8…1e38$/],
    [axis('weightDecay', 0, 1, 12), /outside 1e-8…1 \(a log axis starts above 0\)$/],
    [axis('depth', 1, 3, 5), /^U-Net depth \(depth\): 5 cells need 5 different whole numbers/],
  ])('%j → %s', (a, message) => {
    expect(checkAxis(a)?.message).toMatch(message);
  });

  it('says which part of the axis is at fault', () => {
    expect([axis('model', 0, 1, 12), axis('lr', 1e-4, 1, 33), axis('lr', 1, 1e-4, 12), axis('depth', 1, 3, 5)].map((a) => checkAxis(a)?.on)).toEqual([
      'key',
      'cells',
      'range',
      'cells',
    ]);
  });

  it('refuses one field on both axes', () => {
    expect(checkMapSpec({ x: axis('lr', 1e-4, 1, 4), y: axis('lr', 1e-4, 1, 4) })).toBe('both axes are lr: a map needs two different settings');
  });
});

describe('cells and the current scenario', () => {
  const spec = { x: axis('lr', 1e-4, 1, 5), y: axis('inputScale', 0.01, 100, 5) };

  it("a cell's scenario is the base with its column's x and its row's y, nothing shared with the base", () => {
    const s = cellScenario(DEFAULT_SCENARIO, spec, 4, 1);
    expect(s).toEqual({ ...DEFAULT_SCENARIO, lr: 1, inputScale: 0.1 });
    expect(s.hidden).not.toBe(DEFAULT_SCENARIO.hidden);
  });

  it('marks the cell nearest the current values, and none when they lie off the map', () => {
    expect(currentCell(spec, DEFAULT_SCENARIO)).toEqual({ i: 2, j: 2 });
    expect(currentCell(spec, { ...DEFAULT_SCENARIO, lr: 0.5, inputScale: 0.02 })).toEqual({ i: 4, j: 0 });
    expect(currentCell(spec, { ...DEFAULT_SCENARIO, lr: 10 })).toBeNull();
  });

  it('knows which values lie past the slider', () => {
    expect([1e4, 1e5].map((v) => pastUsual(spec.x, v))).toEqual([false, true]);
    expect(pastUsual(axis('momentum', 0, 0.9, 4), 0.9)).toBe(false);
  });
});
