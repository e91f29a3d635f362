// The UI half of the benchmark: the playground itself training each reference model in headless
// Chromium, with the steps/s the page reports and the longest main-thread task while it trains.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { serveUnderSubPath } from '../e2e/staticServer';
import type { BackendRequest } from '../src/engine/scenario';
import { PlaygroundPage, enableTestHooks } from '../e2e/pages/PlaygroundPage';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import { encodeScenario } from '../src/scenarios/codec';
import type { BenchRow } from './table';

export interface UiRow {
  model: string;
  label: string;
  backend: string;
  seconds: number;
  steps: number;
  stepsPerSecond: number;
  longestTaskMs: number;
  longTasks: number;
}

/**
 * Train each model in the app for `seconds` on the given backend (per model) and watch the main
 * thread with a PerformanceObserver. Steps/s is measured from the step counter over the window.
 */
export async function benchUi(distDir: string, seconds: number, backendFor: (model: string) => BackendRequest, models: string[]): Promise<UiRow[]> {
  const site = await serveUnderSubPath(distDir, '/ui/');
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  const rows: UiRow[] = [];
  try {
    for (const model of REFERENCE_MODELS.filter((m) => models.includes(m.id))) {
      const backend = backendFor(model.id);
      // No service worker: its background precache would be timed as the app's own work.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      await enableTestHooks(page);
      try {
        process.stderr.write(`bench: app ${backend} ${model.id}…\n`);
        // The app's default speed (auto), as a person opening a link gets it.
        await page.goto(`${site.url}index.html?${encodeScenario({ ...model.scenario, backend, steps: 100_000 })}&autoplay=1`);
        const app = new PlaygroundPage(page);
        // Autoplay starts once the backend is up; the first steps compile shaders or warm caches,
        // so long tasks count only after them.
        await app.waitForStep(2, 180_000);
        await app.watchLongTasks();
        const start = { step: (await app.state()).step, t: Date.now() };
        await page.waitForTimeout(seconds * 1000);
        const end = { step: (await app.state()).step, t: Date.now(), tasks: await app.longTasks() };
        const steps = end.step - start.step;
        rows.push({
          model: model.id,
          label: model.label,
          backend,
          seconds: (end.t - start.t) / 1000,
          steps,
          stepsPerSecond: (steps * 1000) / (end.t - start.t),
          longestTaskMs: Math.max(0, ...end.tasks),
          longTasks: end.tasks.length,
        });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return rows;
}

const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** The engine alone on the lab page (sentinel on), same model and backend, from the same bench run. */
function engineAlone(engine: readonly BenchRow[], model: string, backend: string): number | undefined {
  const row = engine.find((r) => r.environment !== 'node' && r.model === model && r.backend === backend);
  return row?.modes?.find((m) => m.mode === 'engine, sentinel on')?.median;
}

/** The app's rows, each with its speed as a fraction of the engine alone on the same backend. */
export function renderUiTable(rows: UiRow[], engine: readonly BenchRow[]): string {
  const lines = ['| model | backend | app steps/s | ÷ engine alone | longest main-thread task | long tasks (>50 ms) |', '|---|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    const alone = engineAlone(engine, r.model, r.backend);
    const ratio = alone ? (r.stepsPerSecond / alone).toFixed(2) : '–';
    lines.push(`| ${r.label} | ${r.backend} | ${fmt(r.stepsPerSecond)} | ${ratio} | ${r.longestTaskMs.toFixed(0)} ms | ${r.longTasks} |`);
  }
  return lines.join('\n');
}
