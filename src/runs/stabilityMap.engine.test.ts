/** The stability map on the real engine (cpu): the autoencoder lesson's boundary, its claim search on it, no tensors left behind. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createTrainer, initBackend } from '../engine/index';
import { presetById, presetScenario } from '../scenarios/presets';
import type { MapCell, MapSpec } from '../scenarios/stabilityGrid';
import { computeOutcome } from './outcome';
import { runMap } from './stabilityMap';

const lesson = presetById('autoencoder-plain')!;
const base = presetScenario(lesson);

beforeAll(async () => {
  tf.enableProdMode();
  await initBackend('cpu', base.model);
});

/** Whether each row turns non-finite from some learning rate on and stays so: one boundary, not noise. */
function oneBoundaryPerRow(cells: readonly MapCell[], nx: number): boolean {
  for (let j = 0; cells.some((c) => c.j === j); j += 1) {
    const row = cells.filter((c) => c.j === j).map((c) => c.firstNonFinite !== null);
    if (row.length !== nx || row.some((flagged, i) => !flagged && row.slice(0, i).some(Boolean))) return false;
  }
  return true;
}

describe('stability map of the autoencoder lesson', () => {
  it('a 6 × 6 map over lr 1e-2…1e7 and input scale 0.1…1e11 holds finite and flagged cells with one boundary; no tensor is left', () => {
    const spec: MapSpec = { x: { key: 'lr', min: 1e-2, max: 1e7, cells: 6 }, y: { key: 'inputScale', min: 0.1, max: 1e11, cells: 6 } };
    const before = tf.memory().numTensors;
    const cells = runMap(base, spec, createTrainer);
    expect(tf.memory().numTensors).toBe(before);
    const flagged = cells.filter((c) => c.firstNonFinite !== null);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBeLessThan(cells.length);
    expect(cells.every((c) => !c.error && (c.firstNonFinite === null) === (c.kind === null))).toBe(true);
    expect(oneBoundaryPerRow(cells, 6)).toBe(true);
  });

  it("the claim search's answer sits on the boundary: its learning rate flags at input scale 1, the last it tried below does not", () => {
    const { outcome } = computeOutcome(base, lesson.claim.check, createTrainer, { preset: lesson.id });
    const lrTrials = outcome.search!.tried.filter((t) => t.key === 'lr');
    const hit = Math.min(...lrTrials.filter((t) => t.holds).map((t) => t.value as number));
    const miss = Math.max(...lrTrials.filter((t) => !t.holds).map((t) => t.value as number));
    const spec: MapSpec = { x: { key: 'lr', min: miss, max: hit, cells: 2 }, y: { key: 'inputScale', min: 1, max: 10, cells: 2 } };
    const row = runMap(base, spec, createTrainer).filter((c) => c.j === 0);
    expect(row.map((c) => c.firstNonFinite !== null)).toEqual([false, true]);
  });
});
