// The one place the training worker is constructed; Vite bundles the worker from this URL.
export function createTrainingWorker(): Worker {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
}
