// The browser half of the benchmark: the lab page in headless Chromium on every tfjs backend.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';
import { serveUnderSubPath } from '../e2e/staticServer';
import type { BackendStatus } from '../src/engine/backend';
import type { Lab } from '../src/lab/main';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import type { BenchRow } from './table';

declare const __lab: Lab;

// Models a backend needs minutes per step for, not timed. None now: with our cpu kernels a 64×64 U-Net step takes
// about 2.3 s on cpu in Chromium (docs/BACKENDS.md).
const TOO_SLOW: Record<string, string[]> = {};

/** Open the lab page (the engine with no UI) of the site at `url` and wait until it is ready. */
export async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(`${url}lab.html`);
  await page.waitForSelector('body[data-ready="true"]');
}

/** Time the reference models on cpu, wasm, webgl and webgpu in one headless Chromium. */
export async function benchBrowser(
  distDir: string,
  runs: number,
  models: string[],
  backends: string[],
): Promise<{ browser: string; gpu: string; rows: BenchRow[] }> {
  const site = await serveUnderSubPath(distDir, '/bench/');
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  const environment = `chromium ${browser.version()}`;
  const rows: BenchRow[] = [];
  let gpu = 'unknown';
  try {
    for (const backend of (['cpu', 'wasm', 'webgl', 'webgpu'] as const).filter((b) => backends.includes(b))) {
      for (const model of REFERENCE_MODELS.filter((m) => models.includes(m.id))) {
        const base = { environment, backend, model: model.id, label: model.label };
        if (TOO_SLOW[backend]?.includes(model.id)) {
          rows.push({ ...base, skipped: 'one step takes minutes on this backend' });
          continue;
        }
        // A fresh page per cell: no GPU memory or compiled-program cache carries over between cells.
        const page = await browser.newPage();
        try {
          await openLab(page, site.url);
          if (gpu === 'unknown') {
            gpu = await page.evaluate(async () => {
              const nav = navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: { vendor: string; architecture: string } } | null> } };
              const adapter = await nav.gpu?.requestAdapter();
              return adapter?.info ? `${adapter.info.vendor} ${adapter.info.architecture}` : 'no WebGPU adapter';
            });
          }
          const status: BackendStatus = await page.evaluate(([b, m]) => __lab.init(b, m), [backend, model.scenario.model] as const);
          if (status.active !== backend) {
            rows.push({ ...base, skipped: status.reason ?? `${backend} did not start` });
            continue;
          }
          process.stderr.write(`bench: ${environment} ${backend} ${model.id}…\n`);
          const cell = await page.evaluate(([id, steps, n]) => __lab.bench(id, steps, n), [model.id, model.steps.browser, runs] as const);
          rows.push({ ...base, ...cell });
        } catch (e) {
          rows.push({ ...base, skipped: `failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` });
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return { browser: environment, gpu, rows };
}
