import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import type { OpenMap } from '../scenarios/mapLink';
import { mapCell } from '../scenarios/testing/mapCell';
import { MapCache, cellIndex, mapCacheKey, mapCsv, timeLeftMs } from './mapResults';

const MAP: OpenMap = { spec: { x: { key: 'lr', min: 1e-3, max: 1, cells: 2 }, y: { key: 'inputScale', min: 1, max: 100, cells: 2 } }, backend: 'cpu' };
const cell = mapCell;

describe('mapCacheKey', () => {
  it("ignores the map's own two settings (opening a cell keeps its map) and nothing else", () => {
    const key = mapCacheKey(DEFAULT_SCENARIO, MAP);
    expect(mapCacheKey({ ...DEFAULT_SCENARIO, lr: 0.5, inputScale: 30 }, MAP)).toBe(key);
    expect(mapCacheKey({ ...DEFAULT_SCENARIO, seed: 7 }, MAP)).not.toBe(key);
    expect(mapCacheKey({ ...DEFAULT_SCENARIO, steps: 20 }, MAP)).not.toBe(key);
    expect(mapCacheKey(DEFAULT_SCENARIO, { ...MAP, backend: 'wasm' })).not.toBe(key);
    expect(mapCacheKey(DEFAULT_SCENARIO, { ...MAP, spec: { ...MAP.spec, x: { ...MAP.spec.x, max: 10 } } })).not.toBe(key);
  });
});

describe('MapCache', () => {
  it('keeps each map row by row, partial or whole, and drops the oldest beyond 24 maps', () => {
    const cache = new MapCache();
    cache.put('a', 4, cellIndex(MAP.spec, 1, 1), cell(1, 1));
    expect(cache.get('a')).toEqual([null, null, null, cell(1, 1)]);
    for (let k = 0; k < 24; k += 1) cache.put(`m${k}`, 1, 0, cell(0, 0));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('m0')).toEqual([cell(0, 0)]);
  });
});

describe('timeLeftMs', () => {
  it('is the pace so far times the cells to go; nothing before the first cell', () => {
    expect(timeLeftMs(0, 10, 500)).toBeNull();
    expect(timeLeftMs(4, 10, 2000)).toBe(3000);
    expect(timeLeftMs(10, 10, 2000)).toBe(0);
  });
});

describe('mapCsv', () => {
  it('one row per computed cell, the axes by link name, non-finite losses as JavaScript writes them, text quoted', () => {
    const csv = mapCsv(MAP.spec, [
      cell(0, 0),
      null,
      cell(0, 1, { firstNonFinite: 3, kind: 'NaN', quantity: 'grad/"w"', finalLoss: NaN }),
      cell(1, 1, { error: 'no, really' }),
    ]);
    expect(csv.split('\n')).toEqual([
      'i,j,lr,scale,first_non_finite_step,kind,quantity,final_loss,error',
      '0,0,0,0,,,,0.5,',
      '0,1,0,1,3,"NaN","grad/""w""",NaN,',
      '1,1,1,1,,,,0.5,"no, really"',
      '',
    ]);
  });
});
