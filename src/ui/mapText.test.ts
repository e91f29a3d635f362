import { describe, expect, it } from 'vitest';
import type { MapCell, MapSpec } from '../scenarios/stabilityGrid';
import { mapCell } from '../scenarios/testing/mapCell';
import { cellOutcome, cellSettings, nearestDone, timeLeftText } from './mapText';

const spec: MapSpec = { x: { key: 'lr', min: 0.01, max: 1e7, cells: 3 }, y: { key: 'inputScale', min: 0.1, max: 1e11, cells: 3 } };
const cell = (over: Partial<MapCell> = {}): MapCell => mapCell(0, 0, { x: 0.0658, y: 8.11e9, finalLoss: 0.0616, ...over });

describe('map text', () => {
  it("names a cell's settings as its link does, and its outcome with the step, kind and quantity", () => {
    expect(cellSettings(spec, cell())).toBe('Learning rate 0.0658, Input scale 8.11e9');
    expect(cellOutcome(cell(), 50)).toBe('finite throughout 50 steps (loss 0.0616)');
    expect(cellOutcome(cell({ firstNonFinite: 2, kind: '-Inf', quantity: 'adam/v/enc/dense1/kernel', finalLoss: -Infinity }), 50)).toBe(
      '−Inf first in adam/v/enc/dense1/kernel at step 2 (loss −Inf)',
    );
    expect(cellOutcome(cell({ error: 'out of memory', finalLoss: null }), 50)).toBe('could not run: out of memory');
  });

  it('says the time left in seconds, then minutes, and nothing before the first cell', () => {
    expect([timeLeftText(null), timeLeftText(200), timeLeftText(12_400), timeLeftText(200_000)]).toEqual([
      null,
      'about 1 s left',
      'about 12 s left',
      'about 3 min left',
    ]);
  });

  it('finds the nearest computed cell for a cell still to come', () => {
    const done = [cell({ i: 0, j: 0 }), null, cell({ i: 2, j: 2, x: 1e7 }), null];
    expect(nearestDone(done, 3, 2, 1)?.x).toBe(1e7);
    expect(nearestDone(done, 3, 0, 1)?.i).toBe(0);
    // Nearest in both directions: (1, 2) is one step from (2, 2) but two rows from (0, 0).
    expect(nearestDone(done, 3, 1, 2)?.x).toBe(1e7);
    expect(nearestDone([null, null], 3, 0, 0)).toBeNull();
  });
});
