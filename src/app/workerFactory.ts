// The one place the workers are constructed; Vite bundles each worker from its URL.
export function createTrainingWorker(): Worker {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
}

export function createOutcomeWorker(): Worker {
  return new Worker(new URL('../worker/outcome.worker.ts', import.meta.url), { type: 'module' });
}

export function createMapWorker(): Worker {
  return new Worker(new URL('../worker/map.worker.ts', import.meta.url), { type: 'module' });
}
