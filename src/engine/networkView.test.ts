import { describe, expect, it } from 'vitest';
import { columnOf, litColumns, type NetworkColumn } from './networkView';

const column = (id: string, kind: NetworkColumn['kind']): NetworkColumn => ({ id, kind, units: 1, detail: '', unitNames: [] });
const MLP = [column('data', 'input'), column('dense1', 'dense'), column('dense2', 'dense'), column('out', 'dense'), column('loss', 'loss')];
const LINEAR = [column('data', 'input'), column('dense', 'dense'), column('loss', 'loss')];
const UNET = [
  column('data', 'input'),
  column('enc1/conv', 'block'),
  column('bottleneck/conv', 'block'),
  column('dec1/up', 'block'),
  column('dec1/conv', 'block'),
  column('out/conv', 'block'),
  column('loss', 'loss'),
];

describe('which column a sentinel quantity lights', () => {
  it("a layer's forward tensors, gradients, updated parameters and optimizer state are that layer's", () => {
    const of = (q: string): string | undefined => MLP[columnOf(q, MLP) ?? -1]?.id;
    expect(['dense1/preact', 'dense1/act', 'grad/dense1/kernel', 'param/dense1/bias', 'adam/m/dense1/kernel', 'adamw/v/dense1/bias'].map(of)).toEqual(
      Array(6).fill('dense1'),
    );
    expect(['momentum/buf/dense2/kernel', 'rmsprop/v/dense2/bias'].map(of)).toEqual(['dense2', 'dense2']);
    expect(['out/preact', 'grad/out/kernel', 'out/prob', 'out/clamped'].map(of)).toEqual(['out', 'out', 'out', 'out']);
    expect(['data/x', 'data/y'].map(of)).toEqual(['data', 'data']);
    expect(['loss/elements', 'loss/value', 'loss/y·log(p)', 'loss/(1−y)·log(1−p)'].map(of)).toEqual(Array(4).fill('loss'));
  });

  it('the output ops of a model without an "out" layer are its last layer\'s; the clip norm and an unnamed quantity are no one column\'s', () => {
    expect(columnOf('out/clamped', LINEAR)).toBe(1);
    expect(columnOf('clip/globalNorm', MLP)).toBeNull();
    expect(columnOf('unknown (the replay did not reproduce the flag)', MLP)).toBeNull();
    expect(columnOf('dense10/preact', MLP), 'a prefix of a name is not the name').toBeNull();
  });

  it("the U-Net's blocks by their full names", () => {
    expect(
      ['enc1/conv/bn', 'grad/dec1/up/kernel', 'dec1/conv/act', 'out/conv/preact', 'adam/v/bottleneck/conv/bn/gamma'].map((q) => columnOf(q, UNET)),
    ).toEqual([1, 3, 4, 5, 2]);
  });

  it('a flag lights its first column, then each cascade column once, in the order the sentinel met them', () => {
    const cascade = ['dense1/preact', 'dense1/act', 'out/preact', 'clip/globalNorm', 'loss/elements', 'grad/out/kernel', 'grad/dense1/kernel'];
    expect(litColumns(cascade, MLP)).toEqual([
      { column: 1, quantity: 'dense1/preact' },
      { column: 3, quantity: 'out/preact' },
      { column: 4, quantity: 'loss/elements' },
    ]);
  });
});
