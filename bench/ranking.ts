// Turn benchmark rows into the per-model backend ranking that "auto" uses (src/engine/backendRanking.json).
import type { BenchRow } from './table';

export interface Ranking {
  measuredOn: string;
  /** environment ("browser" | "node") → reference model id → backends, fastest first, with steps/s. */
  order: Record<string, Record<string, { backend: string; stepsPerSecond: number }[]>>;
}

/** Rank the backends of each model by the engine's speed with the sentinel on (what the app runs). */
export function rankBackends(rows: BenchRow[], measuredOn: string): Ranking {
  const order: Ranking['order'] = {};
  for (const r of rows) {
    const speed = r.modes?.find((m) => m.mode === 'engine, sentinel on')?.median;
    if (r.skipped || speed === undefined || !Number.isFinite(speed)) continue;
    const env = r.environment === 'node' ? 'node' : 'browser';
    const list = ((order[env] ??= {})[r.model] ??= []);
    list.push({ backend: r.backend, stepsPerSecond: Number(speed.toPrecision(4)) });
    list.sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  }
  return { measuredOn, order };
}

/**
 * A partial run's ranking laid over the committed one: the models it measured on every backend of
 * their environment replace those models' lists (a model the run measured on some backends only is
 * left as it was, as its list would lose the others); everything else stays. `measuredOn` names both.
 */
export function mergeRanking(committed: Ranking, measured: Ranking, allBackends: boolean, note: string): Ranking {
  if (!allBackends) return committed;
  const order: Ranking['order'] = structuredClone(committed.order);
  const replaced: string[] = [];
  for (const [env, models] of Object.entries(measured.order)) {
    for (const [model, list] of Object.entries(models)) {
      // A backend that was skipped this time (it did not start, or a step took minutes) keeps the model's old list.
      const missing = (committed.order[env]?.[model] ?? []).some((c) => !list.some((l) => l.backend === c.backend));
      if (missing) continue;
      (order[env] ??= {})[model] = list;
      replaced.push(`${env} ${model}`);
    }
  }
  return replaced.length === 0 ? committed : { measuredOn: `${committed.measuredOn}; ${replaced.join(', ')}: ${note}`, order };
}
