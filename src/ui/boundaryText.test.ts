import { describe, expect, it } from 'vitest';
import type { BoundaryPreview } from '../engine/preview';
import { boundaryColour } from './boundaryDraw';
import { accuracyText, boundaryLabel, percent } from './boundaryText';

const preview = (trainAccuracy: number, testAccuracy: number | null): BoundaryPreview => ({
  kind: 'boundary',
  grid: { size: 2, extent: 6, values: [0, 1, 0.5, NaN] },
  train: [{ x1: 0, x2: 0, label: 1 }],
  test: [],
  trainAccuracy,
  testAccuracy,
});

describe('boundary map words', () => {
  it('shows accuracies as whole percent, never rounded up past what was reached', () => {
    expect(percent(0.949)).toBe('94 %');
    expect(percent(0.29)).toBe('29 %');
    expect(percent(1)).toBe('100 %');
    expect(accuracyText(preview(0.972, 0.95))).toBe('train 97 %, test 95 %');
    expect(accuracyText(preview(0.5, null))).toBe('train 50 %, nothing held out');
  });

  it('gives the canvas a text alternative with the accuracies and what the colours mean', () => {
    const label = boundaryLabel(preview(0.972, 0.95));
    expect(label).toContain('train 97 %, test 95 %');
    expect(label).toMatch(/orange is class 0, blue class 1/);
  });
});

describe('boundary colours', () => {
  it('diverge from white at 0.5 to orange (class 0) and blue (class 1); NaN is grey, neither', () => {
    expect(boundaryColour(0.5)).toEqual([255, 255, 255, 255]);
    const [r0, , b0] = boundaryColour(0);
    const [r1, , b1] = boundaryColour(1);
    expect(r0).toBeGreaterThan(b0 + 100);
    expect(b1).toBeGreaterThan(r1 + 100);
    // Deeper the surer: 0.9 is between white and the colour at 1.
    expect(boundaryColour(0.9)[0]).toBeGreaterThan(r1);
    expect(boundaryColour(0.9)[0]).toBeLessThan(255);
    const [gr, gg, gb] = boundaryColour(NaN);
    expect(gr === gg && gg === gb && gr < 128).toBe(true);
  });
});
