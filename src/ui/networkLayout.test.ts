import { describe, expect, it } from 'vitest';
import { COLORS } from '../charts/palette';
import type { NetworkColumn, NetworkView } from '../engine/networkView';
import { edgeStyle, fitText, layoutNetwork } from './networkLayout';

const col = (id: string, kind: NetworkColumn['kind'], units: number, detail = ''): NetworkColumn => ({ id, kind, units, detail, unitNames: [] });

/** TensorFlow Playground's default network: 2 inputs, 4 and 2 tanh units, one output, the loss. */
const CIRCLE: NetworkView = {
  columns: [
    { ...col('data', 'input', 2, '2 inputs'), unitNames: ['x1', 'x2'] },
    col('dense1', 'dense', 4, 'tanh'),
    col('dense2', 'dense', 2, 'tanh'),
    col('out', 'dense', 1, 'linear'),
    col('loss', 'loss', 1, 'bceLogits, mean'),
  ],
  edges: [
    { from: 2, to: 4, values: [1, -2, 0.5, 0, 4, -4, 2, 1] },
    { from: 4, to: 2, values: [1, 1, 1, 1, 1, 1, 1, Number.NaN] },
    { from: 2, to: 1, values: [1, -1] },
    null,
  ],
  skips: [],
};

describe('the network layout', () => {
  it('spreads the columns over the width and centres each column of units', () => {
    const l = layoutNetwork(CIRCLE, 390);
    const xs = l.columns.map((c) => c.x);
    expect(xs[0]! - l.radius).toBeGreaterThanOrEqual(0);
    expect(xs[4]! + l.radius).toBeLessThanOrEqual(390);
    expect(xs.every((x, i) => i === 0 || x > xs[i - 1]!)).toBe(true);
    expect(l.columns.map((c) => c.units.length)).toEqual([2, 4, 2, 1, 1]);
    const middle = (c: (typeof l.columns)[number]): number => (c.units[0]!.y + c.units.at(-1)!.y) / 2;
    expect(new Set(l.columns.map(middle)).size).toBe(1);
    expect(l.columns.map((c) => c.label)).toEqual(['inputs', 'dense1', 'dense2', 'out', 'loss']);
    expect(l.columns.map((c) => c.sublabel)).toEqual(['x1 x2', '4 tanh', '2 tanh', '1 linear', 'bceLogits, mean']);
    expect(l.numbered).toBe(false);
  });

  it('draws one edge per weight, its width and colour by the weight against the largest one, and a plain connector into the loss', () => {
    const l = layoutNetwork(CIRCLE, 390);
    expect(l.edges).toHaveLength(8 + 8 + 2 + 1);
    // dense1's weight from x2 to unit 1 is 4, the largest: full width, blue; from x2 to unit 2 it is −4: full width, orange.
    expect(l.edges[4]).toMatchObject({ stroke: COLORS.loss, width: 4, opacity: 1, dashed: false });
    expect(l.edges[5]).toMatchObject({ stroke: COLORS.compare, width: 4 });
    expect(l.edges[15]).toMatchObject({ stroke: COLORS.nan, dashed: true });
    expect(l.edges[18]).toMatchObject({ stroke: '#888', dashed: false });
    expect(l.edges[4]!.y1).toBe(l.columns[0]!.units[1]!.y);
    expect(l.edges[4]!.y2).toBe(l.columns[1]!.units[0]!.y);
  });

  it('numbers the columns when they stand too close for names, and keeps every unit inside the width', () => {
    const deep: NetworkView = {
      columns: [col('data', 'input', 10), ...Array.from({ length: 16 }, (_, i) => col(`enc/dense${i + 1}`, 'dense', 256, 'relu')), col('loss', 'loss', 1)],
      edges: Array.from({ length: 17 }, () => null),
      skips: [],
    };
    const l = layoutNetwork(deep, 390);
    expect(l.numbered).toBe(true);
    expect(l.columns.every((c) => c.x - l.radius >= 0 && c.x + l.radius <= 390)).toBe(true);
    expect(l.columns[1]!.units).toHaveLength(8);
    expect(l.columns[1]!.more).toBe(248);
  });

  it("puts the U-Net's skips under the blocks, the wider one lower, and the labels under them", () => {
    const unet: NetworkView = {
      columns: ['data', 'enc1/conv', 'enc2/conv', 'bottleneck/conv', 'dec2/up', 'dec2/conv', 'dec1/up', 'dec1/conv', 'out/conv'].map((id, i) =>
        col(id, i === 0 ? 'input' : 'block', i === 0 ? 1 : 4),
      ),
      edges: Array.from({ length: 8 }, () => null),
      skips: [
        [2, 5],
        [1, 7],
      ],
    };
    const l = layoutNetwork(unet, 600);
    const lowest = l.skips.map((d) => {
      const [, y0, cy, y1] = /M[\d.]+,([\d.]+) Q[\d.]+,([\d.]+) [\d.]+,([\d.]+)/.exec(d)!.map(Number);
      return (y0! + 2 * cy! + y1!) / 4;
    });
    const unitsBottom = Math.max(...l.columns.map((c) => c.bottom));
    expect(lowest[0]!).toBeGreaterThan(unitsBottom);
    expect(lowest[1]!).toBeGreaterThan(lowest[0]!);
    expect(l.labelsTop).toBeGreaterThan(lowest[1]!);
    expect(l.columns.map((c) => c.label).slice(0, 4)).toEqual(['inputs', 'enc1', 'enc2', 'bottleneck']);
    const wide = layoutNetwork({ ...unet, columns: unet.columns.map((c, i) => (i === 3 ? { ...c, units: 32 } : c)) }, 600);
    expect(wide.columns.slice(1, 4).map((c) => [c.shape, c.units.length, c.more])).toEqual([
      ['block', 3, 0],
      ['block', 3, 0],
      ['block', 6, 0],
    ]);
  });

  it('styles an edge by sign and share of the largest |w|; a non-finite weight is dashed red', () => {
    expect(edgeStyle(0.5, 2)).toEqual({ stroke: COLORS.loss, width: 0.5 + 3.5 * 0.25, opacity: 0.3 + 0.7 * 0.25, dashed: false });
    expect(edgeStyle(-2, 2).stroke).toBe(COLORS.compare);
    expect(edgeStyle(Number.POSITIVE_INFINITY, 2)).toEqual({ stroke: COLORS.nan, width: 2, opacity: 1, dashed: true });
    expect(edgeStyle(1, 0).width).toBe(0.5);
  });

  it('cuts a label to its room with an ellipsis', () => {
    expect(fitText('bottleneck', 100)).toBe('bottleneck');
    expect(fitText('bottleneck', 31)).toBe('bott…');
  });
});
