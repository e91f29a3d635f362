import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { planScenarioChange } from './scenarioChange';

const base: Scenario = { ...DEFAULT_SCENARIO };

describe('planScenarioChange', () => {
  it('a control change replaces the history entry and keeps the weights', () => {
    expect(planScenarioChange(base, { ...base, lr: base.lr * 2 }, { presetChanged: false })).toEqual({ url: 'replace', model: 'live', structural: [] });
  });

  it('a structural change pushes an entry and rebuilds the model, naming the field', () => {
    expect(planScenarioChange(base, { ...base, hidden: [7] }, { presetChanged: false })).toEqual({ url: 'push', model: 'rebuild', structural: ['hidden'] });
  });

  it('a preset change pushes even when no field changed, and leaves the model alone', () => {
    expect(planScenarioChange(base, { ...base }, { presetChanged: true })).toEqual({ url: 'push', model: 'none', structural: [] });
  });

  it('an explicit push (an import) pushes a live change', () => {
    expect(planScenarioChange(base, { ...base, lr: 0.5 }, { presetChanged: false, push: true })?.url).toBe('push');
  });

  it('following Back/Forward writes nothing but still rebuilds', () => {
    expect(planScenarioChange(base, { ...base, hidden: [7] }, { presetChanged: false, fromHistory: true })).toEqual({
      url: 'none',
      model: 'rebuild',
      structural: ['hidden'],
    });
  });

  it('no change is no plan', () => {
    expect(planScenarioChange(base, { ...base }, { presetChanged: false })).toBeNull();
  });
});
