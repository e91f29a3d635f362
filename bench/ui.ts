// The UI half of the benchmark: the playground itself training each reference model in headless
// Chromium, with the steps/s the page reports and the longest main-thread task while it trains.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { serveUnderSubPath } from '../e2e/staticServer';
import type { BackendRequest } from '../src/engine/scenario';
import type { TestState } from '../src/app/testHooks';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import { encodeScenario } from '../src/scenarios/codec';

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

declare const __nanPlayground: { getState(): TestState };

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
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        process.stderr.write(`bench: app ${backend} ${model.id}…\n`);
        await page.goto(`${site.url}index.html?${encodeScenario({ ...model.scenario, backend })}&speed=1&autoplay=1`);
        await page.waitForFunction(() => typeof __nanPlayground !== 'undefined' && __nanPlayground.getState().backend !== null, null, { timeout: 60_000 });
        // Long tasks are watched from page load, then counted only over the timed window.
        await page.evaluate(() => {
          const w = window as unknown as { __longTasks: number[] };
          w.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longTasks.push(e.duration);
          }).observe({ type: 'longtask', buffered: false });
        });
        // The first steps compile shaders or warm caches; measure after them.
        await page.waitForFunction(() => __nanPlayground.getState().step >= 2, null, { timeout: 120_000 });
        const start = await page.evaluate(() => ({ step: __nanPlayground.getState().step, t: performance.now() }));
        await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
        await page.waitForTimeout(seconds * 1000);
        const end = await page.evaluate(() => ({ step: __nanPlayground.getState().step, t: performance.now(), tasks: (window as unknown as { __longTasks: number[] }).__longTasks }));
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

export function renderUiTable(rows: UiRow[]): string {
  const lines = ['| model | backend | app steps/s | longest main-thread task | long tasks (>50 ms) |', '|---|---|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.label} | ${r.backend} | ${fmt(r.stepsPerSecond)} | ${r.longestTaskMs.toFixed(0)} ms | ${r.longTasks} |`);
  return lines.join('\n');
}
