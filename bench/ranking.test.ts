import { describe, expect, it } from 'vitest';
import { mergeRanking, rankBackends } from './ranking';
import type { BenchRow } from './table';

const row = (environment: string, backend: string, model: string, on: number): BenchRow => ({
  environment,
  backend,
  model,
  label: model,
  modes: [{ mode: 'engine, sentinel on', stepsPerSecond: [on], median: on }],
});

describe('rankBackends', () => {
  it('orders backends by the engine speed with the sentinel on, per environment and model', () => {
    const r = rankBackends(
      [
        row('node', 'cpu', 'linear', 900),
        row('node', 'wasm', 'linear', 1200),
        row('chromium 156', 'webgl', 'unet32', 5),
        row('chromium 156', 'cpu', 'unet32', 0.2),
      ],
      'test machine',
    );
    expect(r.order.node!.linear!.map((x) => x.backend)).toEqual(['wasm', 'cpu']);
    expect(r.order.browser!.unet32!.map((x) => x.backend)).toEqual(['webgl', 'cpu']);
  });

  it('leaves out skipped cells', () => {
    const skipped: BenchRow = { environment: 'node', backend: 'cpu', model: 'unet64', label: '', skipped: 'one step takes minutes on this backend in Node' };
    expect(rankBackends([skipped], 'x').order).toEqual({});
  });
});

describe('mergeRanking', () => {
  const committed = rankBackends(
    [row('node', 'cpu', 'linear', 900), row('chromium 156', 'webgl', 'unet32', 5), row('chromium 156', 'cpu', 'unet32', 0.2)],
    'old',
  );

  it('replaces the models a partial run measured on every backend, keeps the others, and says when each was measured', () => {
    const measured = rankBackends(
      [row('chromium 156', 'wasm', 'unet32', 40), row('chromium 156', 'webgl', 'unet32', 3), row('chromium 156', 'cpu', 'unet32', 10)],
      '',
    );
    const merged = mergeRanking(committed, measured, true, 'today');
    expect(merged.order.browser!.unet32!.map((x) => x.backend)).toEqual(['wasm', 'cpu', 'webgl']);
    expect(merged.order.node).toEqual(committed.order.node);
    expect(merged.measuredOn).toBe('old; browser unet32: today');
    // The committed ranking itself is not changed.
    expect(committed.order.browser!.unet32!.map((x) => x.backend)).toEqual(['webgl', 'cpu']);
  });

  it('keeps the committed ranking when the run left backends out, or measured nothing', () => {
    const measured = rankBackends([row('chromium 156', 'wasm', 'unet32', 40)], '');
    expect(mergeRanking(committed, measured, false, 'today')).toBe(committed);
    expect(mergeRanking(committed, rankBackends([], ''), true, 'today')).toBe(committed);
  });

  it("keeps a model's list when a backend it had was skipped this time (it would drop out of auto's ranking)", () => {
    // webgl timed, cpu skipped (no row): the committed [webgl, cpu] stays.
    const measured = rankBackends([row('chromium 156', 'wasm', 'unet32', 40), row('chromium 156', 'webgl', 'unet32', 3)], '');
    expect(mergeRanking(committed, measured, true, 'today')).toBe(committed);
  });
});
