/** The map's runs with a scripted trainer: which scenario each cell runs, what it reports, in which order. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { coarseToFine } from '../scenarios/cellOrder';
import type { MapCell, MapSpec } from '../scenarios/stabilityGrid';
import type { TrainerFactory } from './runScenario';
import { runMap } from './stabilityMap';
import { scripted } from './testing/scriptedTrainer';

const spec: MapSpec = { x: { key: 'lr', min: 0.01, max: 1, cells: 3 }, y: { key: 'inputScale', min: 1, max: 1000, cells: 4 } };
const base: Scenario = { ...DEFAULT_SCENARIO, hidden: [4], steps: 20, continueOnFlag: true };

/** NaN at step 20 / (lr · scale) once lr · scale ≥ 1: the larger both are, the sooner. */
const nanAt = (s: Scenario): number | null => (s.lr * s.inputScale >= 1 ? Math.max(1, Math.ceil(20 / (s.lr * s.inputScale))) : null);

describe('runMap', () => {
  it('runs every cell with its two values and reports its first non-finite step, row by row', () => {
    const seen: Scenario[] = [];
    const trainer = scripted(nanAt, (s, step) => s.lr + step);
    const recording = ((s: Scenario, o: Parameters<TrainerFactory>[1]) => (seen.push(s), trainer(s, o))) as TrainerFactory;
    const cells = runMap(base, spec, recording);
    expect(cells.map((c) => [c.i, c.j])).toEqual([0, 1, 2, 3].flatMap((j) => [0, 1, 2].map((i) => [i, j])));
    expect(cells.map((c) => [c.x, c.y])).toEqual([1, 10, 100, 1000].flatMap((y) => [0.01, 0.1, 1].map((x) => [x, y])));
    // A cell stops at its flag, whatever the base says about keeping going.
    expect(seen.every((s) => s.continueOnFlag === false && s.steps === 20 && s.hidden[0] === 4)).toBe(true);
    const at = (i: number, j: number): MapCell => cells.find((c) => c.i === i && c.j === j)!;
    expect(at(0, 0)).toEqual({ i: 0, j: 0, x: 0.01, y: 1, firstNonFinite: null, kind: null, quantity: null, finalLoss: 20.01 });
    expect(at(2, 0)).toMatchObject({ firstNonFinite: 20, kind: 'NaN', quantity: 'grad/dense1/kernel' });
    expect(at(2, 3)).toMatchObject({ x: 1, y: 1000, firstNonFinite: 1, kind: 'NaN' });
    expect(at(2, 3).finalLoss).toBeNaN();
    expect(at(1, 1)).toMatchObject({ x: 0.1, y: 10, firstNonFinite: 20 });
  });

  it('hears the cells coarse to fine as they finish', () => {
    const heard: { i: number; j: number }[] = [];
    runMap(base, spec, scripted(nanAt), (c) => heard.push({ i: c.i, j: c.j }));
    expect(heard).toEqual(coarseToFine(3, 4));
  });

  it('a cell whose trainer throws says why, and the others still run', () => {
    const trainer = scripted(nanAt);
    const failing = ((s: Scenario, o: Parameters<TrainerFactory>[1]) => {
      if (s.lr === 0.1 && s.inputScale === 100) throw new Error('the backend ran out of memory\nstack…');
      return trainer(s, o);
    }) as TrainerFactory;
    const cells = runMap(base, spec, failing);
    expect(cells.filter((c) => c.error)).toEqual([
      { i: 1, j: 2, x: 0.1, y: 100, firstNonFinite: null, kind: null, quantity: null, finalLoss: null, error: 'the backend ran out of memory' },
    ]);
    expect(cells.filter((c) => c.firstNonFinite !== null)).toHaveLength(8); // 9 products ≥ 1, one of them the failed cell
  });
});
