// "auto" must pick, for every reference model, a backend within 10 % of the fastest that the
// committed benchmark measured (src/engine/backendRanking.json, written by `npm run bench`).
import { describe, expect, it } from 'vitest';
import { autoOrderFor } from './backend';
import ranking from './backendRanking.json';
import type { ModelKind } from './scenario';

const REFERENCE: Record<string, { model: ModelKind; imageSize: number }> = {
  linear: { model: 'linear', imageSize: 32 },
  autoencoder: { model: 'autoencoder', imageSize: 32 },
  unet32: { model: 'unet', imageSize: 32 },
  unet64: { model: 'unet', imageSize: 64 },
};

const order = ranking.order as Record<string, Record<string, { backend: string; stepsPerSecond: number }[]>>;

describe('auto backend choice', () => {
  const cells = Object.entries(order).flatMap(([env, models]) => Object.entries(models).map(([id, list]) => ({ env, id, list })));

  it('has a measured ranking for every reference model in the browser', () => {
    expect(Object.keys(order.browser ?? {}).sort()).toEqual(Object.keys(REFERENCE).sort());
  });

  it.each(cells)('$env $id: the first choice is within 10 % of the fastest measured', ({ env, id, list }) => {
    const ref = REFERENCE[id]!;
    const pick = autoOrderFor(ref.model, ref.imageSize, env as 'browser' | 'node').order[0];
    const fastest = Math.max(...list.map((x) => x.stepsPerSecond));
    const picked = list.find((x) => x.backend === pick)?.stepsPerSecond ?? 0;
    expect(picked / fastest).toBeGreaterThanOrEqual(0.9);
  });
});
