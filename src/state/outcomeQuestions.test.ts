import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../engine/backend';
import { presetById, presetScenario } from '../scenarios/presets';
import { breakQuestion, lessonChanges, referenceQuestion, watchedQuestion } from './outcomeQuestions';

const lesson = presetScenario(presetById('optimizer-high-lr')!);
const on = (active: BackendStatus['active']): BackendStatus => ({ requested: 'auto', active, reason: null, quirks: [] });

describe('which outcome a lesson screen asks for', () => {
  it('the reference is the preset as written on cpu, with the search', () => {
    expect(referenceQuestion('optimizer-high-lr')).toEqual({
      key: 'optimizer-high-lr|cpu|as written|search',
      presetId: 'optimizer-high-lr',
      backend: 'cpu',
      scenario: null,
      search: true,
    });
  });

  it('watched on cpu as written: the reference answers, nothing more is asked', () => {
    expect(watchedQuestion({ preset: 'optimizer-high-lr', scenario: lesson, backend: on('cpu') })).toBeNull();
    // A link naming the backend is still the lesson.
    expect(watchedQuestion({ preset: 'optimizer-high-lr', scenario: { ...lesson, backend: 'cpu' }, backend: on('cpu') })).toBeNull();
  });

  it('watched on wasm or webgl: the lesson decided again there, without the search', () => {
    for (const backend of ['wasm', 'webgl'] as const) {
      expect(watchedQuestion({ preset: 'optimizer-high-lr', scenario: lesson, backend: on(backend) })).toEqual({
        key: `optimizer-high-lr|${backend}|as written|no search`,
        presetId: 'optimizer-high-lr',
        backend,
        scenario: null,
        search: false,
      });
    }
  });

  it('an edited lesson is decided for the edit, on the watched backend; WebGPU runs are reproduced on cpu', () => {
    const q = watchedQuestion({ preset: 'optimizer-high-lr', scenario: { ...lesson, lr: 0.1 }, backend: on('webgpu') });
    expect(q).toMatchObject({ presetId: 'optimizer-high-lr', backend: 'cpu', search: false, scenario: { ...lesson, lr: 0.1, backend: 'cpu' } });
    expect(q!.key).toBe('optimizer-high-lr|cpu|v=1&preset=optimizer-high-lr&lr=0.1&be=cpu|no search');
  });

  it('nothing is asked before the backend is known or without a lesson', () => {
    expect(watchedQuestion({ preset: 'optimizer-high-lr', scenario: lesson, backend: null })).toBeNull();
    expect(watchedQuestion({ preset: null, scenario: lesson, backend: on('wasm') })).toBeNull();
    expect(watchedQuestion({ preset: 'no-such-preset', scenario: lesson, backend: on('wasm') })).toBeNull();
  });

  it('the backend is not an edit of the lesson; every other field is', () => {
    expect(lessonChanges(lesson, { ...lesson, backend: 'wasm' })).toEqual([]);
    expect(lessonChanges(lesson, { ...lesson, backend: 'wasm', steps: 7, seed: 3 }).sort()).toEqual(['seed', 'steps']);
  });
});

describe('a fix tried where its broken partner breaks', () => {
  const relu = presetById('activation-relu')!;
  const sigmoid = presetById('activation-sigmoid-deep')!;
  const partner = (o: object) => ({ 'activation-sigmoid-deep': { presetId: sigmoid.id, status: 'done', ...o } as never });

  it('the setting the broken lesson’s search found is applied to the fix, on cpu, without a search', () => {
    const at = { ...presetScenario(sigmoid), lr: 1.3 };
    const q = breakQuestion({ preset: relu.id, verdicts: partner({ verdict: 'holdsOnlyWith', variant: { setting: 'learning rate 1.3', scenario: at } }) });
    expect(q).toMatchObject({ presetId: relu.id, backend: 'cpu', search: false, scenario: { ...presetScenario(relu), lr: 1.3, backend: 'cpu' } });
    // The fix keeps what makes it the fix (its activation), only the breaking setting is taken over.
    expect(q!.scenario!.activation).toBe(presetScenario(relu).activation);
  });

  it('nothing to ask where the broken lesson breaks as written, does not break, is not known yet, or for a broken lesson', () => {
    expect(breakQuestion({ preset: relu.id, verdicts: partner({ verdict: 'holds', variant: null }) })).toBeNull();
    expect(breakQuestion({ preset: relu.id, verdicts: partner({ verdict: 'doesNotHold', variant: null }) })).toBeNull();
    expect(breakQuestion({ preset: relu.id, verdicts: {} })).toBeNull();
    expect(
      breakQuestion({ preset: sigmoid.id, verdicts: partner({ verdict: 'holdsOnlyWith', variant: { setting: 'x', scenario: presetScenario(sigmoid) } }) }),
    ).toBeNull();
  });
});
