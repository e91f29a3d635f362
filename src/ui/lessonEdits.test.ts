import { describe, expect, it } from 'vitest';
import { presetById, presetScenario } from '../scenarios/presets';
import { lessonEdits } from './lessonEdits';

describe('lessonEdits', () => {
  const base = presetScenario(presetById('unscaled-features-sgd')!);

  it('is empty for the lesson as written', () => {
    expect(lessonEdits(base, { ...base })).toEqual([]);
  });

  it('leaves the backend out: a link naming one is still the lesson', () => {
    expect(lessonEdits(base, { ...base, backend: base.backend === 'cpu' ? 'wasm' : 'cpu' })).toEqual([]);
  });

  it('names each changed setting by its label, old → new', () => {
    const edits = lessonEdits(base, { ...base, lr: 0.1, optimizer: 'adam' });
    expect(edits.map((e) => e.key).sort()).toEqual(['lr', 'optimizer']);
    expect(edits.find((e) => e.key === 'lr')?.text).toBe(`Learning rate ${base.lr} → 0.1`);
    // Choices in words, as the controls show them.
    expect(edits.find((e) => e.key === 'optimizer')?.text).toBe('Optimizer SGD → Adam');
  });
});
