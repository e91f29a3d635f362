import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { stepRecord } from '../engine/testing/stepRecord';
import { createAppStore, initialAppState } from '../state/appState';
import { ImportedRuns, MAX_IMPORTED } from './importedRuns';

function setup() {
  const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false));
  return { store, imports: new ImportedRuns(store, { schedule: () => undefined, now: () => 0 }) };
}

describe('ImportedRuns', () => {
  it("draws a file's records at once, every one of them, in its own feed", () => {
    const { store, imports } = setup();
    const records = [1, 2, 5, 9].map((s) => stepRecord(s, { loss: s === 9 ? Number.NaN : 1 / s }));
    const id = imports.add('run.json', records);
    expect(store.getState().imports).toEqual([{ id, label: 'run.json' }]);
    const feed = imports.feedOf(id)!;
    expect(feed.step).toBe(9);
    expect(feed.version('loss')).toBeGreaterThan(0);
    expect([1, 2, 5].map((s) => feed.trace.lossAt(s))).toEqual([1, 0.5, 0.2]);
    expect(Number.isNaN(feed.trace.lossAt(9))).toBe(true);
  });

  it('keeps the latest imports only, dropping the oldest feed with its entry', () => {
    const { store, imports } = setup();
    const ids = Array.from({ length: MAX_IMPORTED + 1 }, (_, i) => imports.add(`f${i}.json`, [stepRecord(1)]));
    expect(store.getState().imports.map((e) => e.id)).toEqual(ids.slice(1));
    expect(imports.feedOf(ids[0]!)).toBeUndefined();
    expect(imports.feedOf(ids.at(-1)!)).toBeDefined();
  });
});
