import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { stepRecord } from '../engine/testing/stepRecord';
import { createAppStore, initialAppState } from '../state/appState';
import { ImportedRuns, MAX_IMPORTED, RECORDS_PER_FRAME } from './importedRuns';

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const store = createAppStore(initialAppState({ ...DEFAULT_SCENARIO }, [], false));
  const frames: (() => void)[] = [];
  /** One frame: what waited for it runs, and what that leads to settles. */
  const frame = async (): Promise<void> => {
    frames.splice(0).forEach((f) => f());
    await settle();
  };
  return { store, frame, imports: new ImportedRuns(store, { schedule: (f) => frames.push(f), now: () => 0 }) };
}

describe('ImportedRuns', () => {
  it("draws a short file's records in one go, every one of them, in its own feed", async () => {
    const { store, imports } = setup();
    const records = [1, 2, 5, 9].map((s) => stepRecord(s, { loss: s === 9 ? Number.NaN : 1 / s }));
    const id = imports.add('run.json', records);
    await settle();
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

  it('a long file is drawn a slice per frame, so no frame applies more than RECORDS_PER_FRAME records', async () => {
    const { imports, frame } = setup();
    const records = Array.from({ length: 2 * RECORDS_PER_FRAME + 100 }, (_, i) => stepRecord(i + 1));
    const feed = imports.feedOf(imports.add('long.json', records))!;
    await settle();
    const drawn = [feed.history.length];
    for (let i = 0; i < 10 && feed.history.length < records.length; i++) {
      await frame();
      drawn.push(feed.history.length);
    }
    expect(drawn[0]).toBe(RECORDS_PER_FRAME);
    const perFrame = drawn.slice(1).map((n, i) => n - drawn[i]!);
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(RECORDS_PER_FRAME);
    expect([feed.history.length, feed.step, feed.trace.losses().length]).toEqual([records.length, records.length, records.length]);
  });

  it('stops feeding an import that was replaced before it was drawn whole, and closes its slices', async () => {
    const { imports, frame } = setup();
    let closed = false;
    let served = 0;
    const slices = {
      next: () => Promise.resolve(served < 3 ? Array.from({ length: 10 }, () => stepRecord(++served)) : null),
      close: () => void (closed = true),
    };
    const first = imports.add('long.json', slices);
    await settle();
    const feed = imports.feedOf(first)!;
    for (let i = 0; i < MAX_IMPORTED; i++) imports.add(`f${i}.json`, [stepRecord(1)]);
    await frame();
    await frame();
    expect(imports.feedOf(first)).toBeUndefined();
    expect([feed.history.length, closed]).toEqual([10, true]);
  });
});
