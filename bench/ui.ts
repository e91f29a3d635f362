// The UI half of the benchmark: the playground itself training each reference model in headless
// Chromium, with the steps/s the page reports and the longest main-thread task while it trains.
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { serveUnderSubPath } from '../e2e/staticServer';
import { DEFAULT_SCENARIO, type BackendRequest, type Scenario } from '../src/engine/scenario';
import type { Lab } from '../src/lab/main';
import { PlaygroundPage, enableTestHooks } from '../e2e/pages/PlaygroundPage';
import { median } from '../src/lab/measure';
import { openLab } from './browser';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import { encodeScenario } from '../src/scenarios/codec';

declare const __lab: Lab;

export interface UiRow {
  model: string;
  label: string;
  backend: string;
  /** The app's steps/s in each round, and their median. */
  app: number[];
  stepsPerSecond: number;
  /** The engine alone (sentinel on) in a worker, same scenario and backend, one timed run between the app's rounds; and their median. */
  alone: number[];
  engineAlone: number;
  longestTaskMs: number;
  longTasks: number;
}

/**
 * Untimed after the first steps, as long as the engine alone's warm-up: the JIT needs a couple of seconds of small
 * steps to settle (the app's first second runs at about two thirds of its pace), and each round is a fresh page.
 */
const WARM_MS = 2000;
const SAMPLE_MS = 250;
/** Each round's timed run of the engine alone. */
const ENGINE_MS = 2000;
/** A run ends at its Steps (at most 100,000): the window closes before it, so idle time after the end is not timed. */
const MAX_STEPS = 100_000;

interface Subject {
  id: string;
  label: string;
  scenario: Partial<Scenario>;
  /** A backend, or 'auto' for the app's own choice (then the engine alone is timed on what it chose). */
  backend: BackendRequest;
}

/**
 * Each model trained in the app at the default speed, on the given backend (per model), and the
 * free-play default scenario on the backend the app picks; the main thread watched with a
 * PerformanceObserver. Each round opens the app afresh and times `seconds` of training (steps/s from
 * the step counter), then, with the app's page closed, times the engine alone in a worker on the same
 * scenario and backend for ENGINE_MS: the two are interleaved so a slow spell of the machine hits both.
 */
export async function benchUi(
  distDir: string,
  seconds: number,
  rounds: number,
  backendFor: (model: string) => BackendRequest,
  models: string[],
): Promise<UiRow[]> {
  const site = await serveUnderSubPath(distDir, '/ui/');
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  const subjects: Subject[] = [
    ...REFERENCE_MODELS.filter((m) => models.includes(m.id)).map((m) => ({ id: m.id, label: m.label, scenario: m.scenario, backend: backendFor(m.id) })),
    { id: 'default', label: 'the default scenario (MLP 2→16→1 tanh, 64 samples, Adam)', scenario: DEFAULT_SCENARIO, backend: 'auto' },
  ];
  const rows: UiRow[] = [];
  try {
    for (const subject of subjects) {
      const apps: AppTiming[] = [];
      const alone: number[] = [];
      const lab = await browser.newPage();
      try {
        await openLab(lab, site.url);
        for (let r = 0; r < rounds; r++) {
          apps.push(await timeApp(browser, site.url, subject, seconds));
          const backend = apps[0]!.backend as BackendRequest;
          if (r === 0) await lab.evaluate(([b, sc]) => __lab.startEngine(b, sc), [backend, { ...subject.scenario, steps: MAX_STEPS }] as const);
          alone.push(await lab.evaluate((ms) => __lab.timeEngine(ms), ENGINE_MS));
        }
        await lab.evaluate(() => __lab.stopEngine());
      } finally {
        await lab.close();
      }
      const app = apps.map((a) => a.stepsPerSecond);
      rows.push({
        model: subject.id,
        label: subject.label,
        backend: apps[0]!.backend,
        app,
        stepsPerSecond: median(app),
        alone,
        engineAlone: median(alone),
        longestTaskMs: Math.max(0, ...apps.map((a) => a.longestTaskMs)),
        longTasks: apps.reduce((n, a) => n + a.longTasks, 0),
      });
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return rows;
}

interface AppTiming {
  backend: string;
  stepsPerSecond: number;
  longestTaskMs: number;
  longTasks: number;
}

/** One round: the app opened afresh, trained at the default speed for up to `seconds`, its page closed after. */
async function timeApp(browser: Browser, url: string, subject: Subject, seconds: number): Promise<AppTiming> {
  // No service worker: its background precache would be timed as the app's own work.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await enableTestHooks(page);
  try {
    process.stderr.write(`bench: app ${subject.backend} ${subject.id}…\n`);
    // The app's default speed (auto), as a person opening a link gets it.
    await page.goto(`${url}index.html?${encodeScenario({ ...DEFAULT_SCENARIO, ...subject.scenario, backend: subject.backend, steps: MAX_STEPS })}&autoplay=1`);
    const app = new PlaygroundPage(page);
    // Autoplay starts once the backend is up; the first steps compile shaders or warm caches,
    // so long tasks count only after them.
    await app.waitForStep(2, 180_000);
    await page.waitForTimeout(WARM_MS);
    await app.watchLongTasks();
    const stepsPerSecond = await timeRun(app, seconds);
    const tasks = await app.longTasks();
    return {
      backend: (await app.state()).backend?.active ?? String(subject.backend),
      stepsPerSecond,
      longestTaskMs: Math.max(0, ...tasks),
      longTasks: tasks.length,
    };
  } finally {
    await page.close();
  }
}

/** Steps/s from the step counter, sampled while the run trains, for up to `seconds` or until it nears its end. */
async function timeRun(app: PlaygroundPage, seconds: number): Promise<number> {
  const first = { step: (await app.state()).step, t: Date.now() };
  let last = first;
  while (last.t - first.t < seconds * 1000) {
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
    const s = await app.state();
    if (!s.running || s.step >= MAX_STEPS * 0.95) break;
    last = { step: s.step, t: Date.now() };
  }
  return last.t > first.t ? ((last.step - first.step) * 1000) / (last.t - first.t) : 0;
}

const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** The app's rows, each with its speed as a fraction of the engine alone on the same backend. */
export function renderUiTable(rows: UiRow[]): string {
  const lines = [
    '| model | backend | app steps/s | engine alone in a worker | app ÷ engine alone | longest main-thread task | long tasks (>50 ms) |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const ratio = r.engineAlone > 0 ? (r.stepsPerSecond / r.engineAlone).toFixed(2) : '–';
    lines.push(
      `| ${r.label} | ${r.backend} | ${fmt(r.stepsPerSecond)} | ${fmt(r.engineAlone)} | ${ratio} | ${r.longestTaskMs.toFixed(0)} ms | ${r.longTasks} |`,
    );
  }
  return lines.join('\n');
}
