import { describe, expect, it } from 'vitest';
import { mapPoolSize } from '../src/app/mapRunner';
import { coresFor, poolSizes, renderMapTable, type MapBenchRow } from './map';

describe('the map benchmark', () => {
  it('times one worker, the pool the app makes here and one worker per core, each once', () => {
    expect(poolSizes(2)).toEqual([1, 2]);
    expect(poolSizes(1)).toEqual([1]);
    expect(poolSizes(8)).toEqual([1, 7, 8]);
  });

  it('presents the page with a core count the app turns into each pool size', () => {
    for (const workers of [1, 2, 3, 7, 8]) expect(mapPoolSize(coresFor(workers))).toBe(workers);
  });

  it('prints cells per second and each row against one worker on the same lesson', () => {
    const row = (workers: number, seconds: number): MapBenchRow => ({
      lesson: 'autoencoder',
      cells: 64,
      stepsPerCell: 50,
      workers,
      seconds,
      runs: [seconds],
      cellsPerSecond: 64 / seconds,
    });
    expect(renderMapTable([row(1, 8), row(2, 5)], 2).split('\n')).toEqual([
      '| lesson | cells | workers | seconds | cells/s | × one worker |',
      '|---|---:|---:|---:|---:|---:|',
      '| autoencoder | 64 | 1 | 8.0 | 8.00 | 1.00 |',
      "| autoencoder | 64 | 2 (the app's pool here) | 5.0 | 12.8 | 1.60 |",
    ]);
  });
});
