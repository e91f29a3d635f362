// Soak: thousands of steps with the app open, with precise heap figures and a callable GC.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { CHROMIUM_ARGS, systemChromium } from './chromium';

test.use({ launchOptions: { executablePath: systemChromium(), args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] } });

/** What a step of the default model is meant to keep: 16 B of trace, 144 B of record row, with room for growth doubling. */
const RETAINED_BYTES_PER_STEP = 2 * (16 + 144);

test('5,000 steps with the app open: heap and chart DOM stay bounded', { tag: '@perf' }, async ({ page }) => {
  test.setTimeout(300_000);
  const app = new PlaygroundPage(page);
  await app.open('be=cpu&speed=20&steps=100000');
  const measure = () =>
    page.evaluate(() => {
      (window as unknown as { gc?: () => void }).gc?.();
      const heap = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
      return { heap, chartNodes: document.querySelector('[data-testid="loss-chart"]')?.querySelectorAll('*').length ?? 0 };
    });
  await app.play();
  await app.waitForStep(500, 120_000);
  await app.pause();
  const at500 = await measure();
  await app.play();
  await app.waitForStep(5000, 240_000);
  await app.pause();
  const at5000 = await measure();
  const steps = (await app.state()).step;
  const perStep = (at5000.heap - at500.heap) / (steps - 500);
  console.log(
    `soak: heap ${(at500.heap / 2 ** 20).toFixed(1)} MiB at step 500, ${(at5000.heap / 2 ** 20).toFixed(1)} MiB at step ${steps} (${perStep.toFixed(0)} B a step); loss-chart nodes ${at500.chartNodes} → ${at5000.chartNodes}`,
  );
  // A run keeps every step by design, up to caps: its loss with its step (16 B, state/lossTrace.ts)
  // and its record for export (a row of numbers, 144 B for this model, at most 16 MiB in all,
  // state/keptRecords.ts). Anything past 10 % plus that is a leak.
  expect(at5000.heap).toBeLessThanOrEqual(at500.heap * 1.1 + (steps - 500) * RETAINED_BYTES_PER_STEP);
  expect(at5000.chartNodes).toBeLessThanOrEqual(at500.chartNodes * 1.5 + 50);
});
