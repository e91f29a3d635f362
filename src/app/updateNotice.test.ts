import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { createAppStore, initialAppState } from '../state/appState';
import { followUpdate } from './updateNotice';

function setup(running: boolean) {
  const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false));
  store.setState({ running });
  const events: string[] = [];
  const notice = followUpdate(store, { show: () => events.push('show'), hide: () => events.push('hide') });
  return { store, events, notice };
}

describe('followUpdate', () => {
  it('shows nothing until a new build waits', () => {
    const { store, events } = setup(false);
    store.setState({ running: true });
    store.setState({ running: false });
    expect(events).toEqual([]);
  });

  it('shows the notice at once when no run is training', () => {
    const { events, notice } = setup(false);
    notice.ready();
    expect(events).toEqual(['show']);
  });

  it('holds the notice while a run trains, shows it when the run stops, and keeps it when training resumes', () => {
    const { store, events, notice } = setup(true);
    notice.ready();
    expect(events).toEqual([]);
    store.setState({ running: false });
    expect(events).toEqual(['show']);
    store.setState({ running: true });
    expect(events).toEqual(['show']);
  });

  it('a dismissed notice goes and does not come back', () => {
    const { store, events, notice } = setup(false);
    notice.ready();
    notice.dismiss();
    store.setState({ running: true });
    store.setState({ running: false });
    notice.ready();
    expect(events).toEqual(['show', 'hide']);
  });
});
