// The stability map's part of the benchmark: the app itself computing a map in headless Chromium,
// with one map worker and with the pool, in cells per second. The pool's size is the app's rule
// (mapPoolSize of navigator.hardwareConcurrency), so the size under test is set by presenting the
// page with the fewest cores that rule turns into it.
import { chromium } from '@playwright/test';
import { cpus } from 'node:os';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { StabilityMapPage } from '../e2e/pages/StabilityMapPage';
import { enableTestHooks } from '../e2e/pages/PlaygroundPage';
import { serveUnderSubPath } from '../e2e/staticServer';
import type { Scenario } from '../src/engine/scenario';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import { encodeScenario } from '../src/scenarios/codec';
import { mapPoolSize } from '../src/app/mapRunner';
import { presetById, presetScenario } from '../src/scenarios/presets';

export interface MapBenchRow {
  lesson: string;
  cells: number;
  stepsPerCell: number;
  workers: number;
  /** The median of the timed maps, and each of them. */
  seconds: number;
  runs: number[];
  cellsPerSecond: number;
}

/** Maps timed per lesson and pool size; the median is reported (the machine is shared, single runs vary). */
const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface MapLesson {
  lesson: string;
  scenario: Scenario;
  /**
   * Cells per axis and the axes' ranges (lr across, input scale up), wide enough to cross the boundary. The grids
   * are large enough that starting the workers (about half a second each, in parallel) does not set the time: the
   * autoencoder's cells take about 2.5 ms each on the dense path, so a 12 × 12 map is over in under a second, most
   * of it the workers' start, whatever the pool.
   */
  n: number;
  x: [string, string];
  y: [string, string];
}

export const MAP_LESSONS: MapLesson[] = [
  {
    lesson: 'autoencoder (autoencoder-plain, 50 steps a cell)',
    scenario: presetScenario(presetById('autoencoder-plain')!),
    n: 32,
    x: ['1e-2', '1e7'],
    y: ['0.1', '1e11'],
  },
  {
    lesson: 'U-Net 32×32, batch 4 (5 steps a cell)',
    scenario: { ...REFERENCE_MODELS.find((m) => m.id === 'unet32')!.scenario, steps: 5 },
    n: 4,
    x: ['1e-3', '1e3'],
    y: ['1', '1e6'],
  },
];

/** Pool sizes to time: one worker, the app's pool on this machine, and one per core. */
export function poolSizes(cores: number): number[] {
  return [...new Set([1, mapPoolSize(cores), cores])];
}

/** The hardwareConcurrency to present so that the app's pool has `workers` workers. */
export function coresFor(workers: number): number {
  for (let cores = 1; cores <= 64; cores += 1) if (mapPoolSize(cores) === workers) return cores;
  throw new Error(`no core count gives a pool of ${workers}`);
}

type Browser = Awaited<ReturnType<typeof chromium.launch>>;

/** One map computed in a fresh page with a pool of `workers`: its cells and the seconds from Compute to the last cell. */
async function timeOneMap(browser: Browser, url: string, lesson: MapLesson, workers: number): Promise<{ cells: number; seconds: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await enableTestHooks(page);
  // The app sizes its pool from this (mapPoolSize). As text: tsx would add helpers to a function (its __name) that
  // do not exist in the page.
  await page.addInitScript({ content: `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${coresFor(workers)} });` });
  try {
    await page.goto(`${url}index.html?${encodeScenario({ ...lesson.scenario, backend: 'cpu' })}`);
    // Ready once a backend is active (the function runs in the page: it can use nothing from here).
    await page.waitForFunction(
      () => (window as unknown as { __nanPlayground?: { getState(): { backend: unknown } } }).__nanPlayground?.getState().backend,
      null,
      {
        timeout: 120_000,
      },
    );
    const map = new StabilityMapPage(page);
    await map.setAxis('x', { field: 'lr', min: lesson.x[0], max: lesson.x[1], cells: String(lesson.n) });
    await map.setAxis('y', { field: 'inputScale', min: lesson.y[0], max: lesson.y[1], cells: String(lesson.n) });
    const started = Date.now();
    await map.compute();
    const done = await map.waitUntilDone(600_000);
    return { cells: done.total, seconds: (Date.now() - started) / 1000 };
  } finally {
    await page.close();
  }
}

/** Compute each lesson's map in the app RUNS times per pool size. */
export async function benchMap(distDir: string, lessons: readonly MapLesson[] = MAP_LESSONS): Promise<MapBenchRow[]> {
  const site = await serveUnderSubPath(distDir, '/map/');
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  const rows: MapBenchRow[] = [];
  try {
    for (const lesson of lessons) {
      for (const workers of poolSizes(cpus().length)) {
        const runs: number[] = [];
        let cells = 0;
        for (let run = 1; run <= RUNS; run += 1) {
          process.stderr.write(`bench: map ${lesson.lesson}, ${workers} worker(s), run ${run} of ${RUNS}…\n`);
          const timed = await timeOneMap(browser, site.url, lesson, workers);
          runs.push(timed.seconds);
          cells = timed.cells;
        }
        const seconds = median(runs);
        rows.push({ lesson: lesson.lesson, cells, stepsPerCell: lesson.scenario.steps, workers, seconds, runs, cellsPerSecond: cells / seconds });
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return rows;
}

const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** The map rows as a Markdown table, each with its speed against one worker on the same lesson. */
export function renderMapTable(rows: readonly MapBenchRow[], cores: number): string {
  const lines = ['| lesson | cells | workers | seconds | cells/s | × one worker |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    const one = rows.find((o) => o.lesson === r.lesson && o.workers === 1);
    const name = `${r.workers}${r.workers === mapPoolSize(cores) ? " (the app's pool here)" : r.workers === cores ? ' (one per core)' : ''}`;
    lines.push(
      `| ${r.lesson} | ${r.cells} | ${name} | ${r.seconds.toFixed(1)} | ${fmt(r.cellsPerSecond)} | ${one ? (r.cellsPerSecond / one.cellsPerSecond).toFixed(2) : '–'} |`,
    );
  }
  return lines.join('\n');
}
