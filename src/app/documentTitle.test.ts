import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { createAppStore, initialAppState } from '../state/appState';
import { scenarioTitle } from '../state/codecAdapter';
import { followTitle } from './documentTitle';

describe('followTitle', () => {
  it('names the scenario at once and follows changes to it, not other state', () => {
    const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false));
    const titles: string[] = [];
    followTitle(store, (t) => titles.push(t));
    store.setState({ running: true });
    store.setState({ scenario: { ...DEFAULT_SCENARIO, lr: 0.5 } });
    expect(titles).toEqual([scenarioTitle(DEFAULT_SCENARIO), scenarioTitle({ ...DEFAULT_SCENARIO, lr: 0.5 })]);
    expect(titles[0]).not.toBe(titles[1]);
  });
});
