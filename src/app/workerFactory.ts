/**
 * The one place the workers are constructed. Each starts from a blob: URL whose one line imports
 * the bundled worker script. A worker loaded from its own URL gets its Content-Security-Policy from
 * that script's response headers alone, which a static host may not send: the page's meta tag does
 * not reach it, and eval and cross-origin fetches would work inside it. A worker created from a
 * blob: URL inherits the policy of the page that made it, so the built page's policy holds in the
 * workers on any host (vite.config.ts; `worker-src blob:` allows the start).
 */
import outcomeWorkerUrl from '../worker/outcome.worker.ts?worker&url';
import importWorkerUrl from './import.worker.ts?worker&url';
import trainingWorkerUrl from '../worker/training.worker.ts?worker&url';

const bootstraps = new Map<string, string>();

/** A module worker running `scriptUrl` under the page's policy. */
function workerUnderPagePolicy(scriptUrl: string): Worker {
  let bootstrap = bootstraps.get(scriptUrl);
  if (!bootstrap) {
    // Absolute: a blob: URL has no base to resolve a relative import against.
    const source = `import ${JSON.stringify(new URL(scriptUrl, import.meta.url).href)};\n`;
    bootstrap = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    bootstraps.set(scriptUrl, bootstrap);
  }
  return new Worker(bootstrap, { type: 'module' });
}

export function createTrainingWorker(): Worker {
  return workerUnderPagePolicy(trainingWorkerUrl);
}

export function createOutcomeWorker(): Worker {
  return workerUnderPagePolicy(outcomeWorkerUrl);
}

export function createImportWorker(): Worker {
  return workerUnderPagePolicy(importWorkerUrl);
}

export function createMapWorker(): Worker {
  return new Worker(new URL('../worker/map.worker.ts', import.meta.url), { type: 'module' });
}
