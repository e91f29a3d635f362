import { describe, expect, it } from 'vitest';
import { readDraft } from './MapPickers';

const axis = (key: 'lr' | 'inputScale' | 'depth', min: string, max: string, cells = '12') => ({ key, min, max, cells });

describe('readDraft', () => {
  it('reads what was typed into a map', () => {
    expect(readDraft({ x: axis('lr', '1e-2', ' 1e7 '), y: axis('inputScale', '0.1', '1e11', '6'), backend: 'wasm' })).toEqual({
      ok: true,
      map: { spec: { x: { key: 'lr', min: 1e-2, max: 1e7, cells: 12 }, y: { key: 'inputScale', min: 0.1, max: 1e11, cells: 6 } }, backend: 'wasm' },
    });
  });

  it.each([
    [axis('lr', 'abc', '1'), 'Learning rate from: “abc” is not a number'],
    [axis('lr', '1e-2', '1e40'), 'Learning rate to: “1e40” is above the maximum 1e38'],
    [axis('lr', '1e-2', '1', 'x'), 'Learning rate cells: “x” is not a whole number (2 to 32)'],
    [axis('lr', '1', '1e-2'), 'Learning rate (lr): the range 1…0.01 must run from a smaller to a larger number'],
    [axis('depth', '1', '3', '5'), /^U-Net depth \(depth\): 5 cells need 5 different whole numbers/],
  ])('%j → %s', (x, message) => {
    const r = readDraft({ x, y: axis('inputScale', '0.1', '10'), backend: 'cpu' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
