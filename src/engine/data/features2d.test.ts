import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import { featureBlock, planeFeatures } from './features2d';
import { prepareDataset } from './preprocess';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], model: 'classifier', ...over });

describe('2D features', () => {
  it('x1 and x2 always come first, the optional features after them in one fixed order', () => {
    expect(planeFeatures(base({}))).toEqual(['x1', 'x2']);
    expect(planeFeatures(base({ sinX2: true, x1Squared: true }))).toEqual(['x1', 'x2', 'x1Squared', 'sinX2']);
    const all = base({ x1Squared: true, x2Squared: true, x1TimesX2: true, sinX1: true, sinX2: true });
    expect(planeFeatures(all)).toEqual(['x1', 'x2', 'x1Squared', 'x2Squared', 'x1TimesX2', 'sinX1', 'sinX2']);
  });

  it('computes each column from the point', () => {
    const b = featureBlock(Float64Array.from([2, -3, 0.5, 1]), ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1TimesX2', 'sinX1', 'sinX2']);
    expect(b.shape).toEqual([2, 7]);
    expect(Array.from(b.values.slice(0, 7))).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
    expect(Array.from(b.values.slice(7))).toEqual([0.5, 1, 0.25, 1, 0.5, Math.sin(0.5), Math.sin(1)]);
  });

  it("the data set's input width follows the features, and the extra columns hold their values", () => {
    const d = prepareDataset(base({ dataset: 'circle', samples: 40, x1TimesX2: true, sinX1: true }));
    expect(d.x.shape).toEqual([20, 4]);
    expect(d.plane!.testX.shape).toEqual([20, 4]);
    expect(d.plane!.gridX.shape[1]).toBe(4);
    const [x1, x2, prod, sin] = Array.from(d.x.values.slice(0, 4));
    expect(prod).toBeCloseTo(x1! * x2!, 12);
    expect(sin).toBeCloseTo(Math.sin(x1!), 12);
    expect([x1, x2]).toEqual(Array.from(d.plane!.train.coords.slice(0, 2)));
  });
});
