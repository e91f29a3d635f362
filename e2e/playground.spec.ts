// The playground screen, driven through its page object (e2e/pages).
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { pngSize, shotPath } from './screenshots';
import { PlaygroundPage } from './pages/PlaygroundPage';

test.describe('playing and editing', () => {
  test('default scenario plays 200 steps and pauses', async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.open();
    await expect(app.backendIndicator).toContainText((await app.state()).backend!.active);
    const at = await app.trainSteps(200);
    expect(at).toBeGreaterThanOrEqual(200);
    const paused = await app.step();
    await page.waitForTimeout(400);
    expect(await app.step()).toBe(paused);
    await expect(app.stepCounter).toHaveText(String(paused));
    const { losses } = await app.state();
    expect(losses.length).toBe(paused);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
    await expect.poll(async () => Number(await app.lossSeries.getAttribute('data-points'))).toBeGreaterThan(100);
    expect(pageLog.errors).toEqual([]);
  });

  test('a slider change applies to the following steps and to the URL (replaced, not pushed)', async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.open('steps=5000');
    const k = await app.trainSteps(40);
    const historyBefore = await page.evaluate(() => history.length);

    // The learning-rate slider, moved with the keyboard: each arrow is 1/1000 of 12 decades.
    const slider = page.getByTestId('field-lr-slider');
    await slider.focus();
    for (let i = 0; i < 60; i++) await slider.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(/[?&]lr=0\.0[2-9]/);
    const lr = (await app.state()).scenario.lr;
    expect(lr).toBeGreaterThan(0.01);
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);

    const changed = await app.trainSteps(k + 60);
    const after = (await app.state()).losses;
    expect(after.length).toBe(changed); // the run continued; it did not restart

    // The same run without the change, to the same step: identical before k, different after.
    await app.open('steps=5000');
    await app.trainSteps(changed);
    const baseline = (await app.state()).losses;
    expect(after.slice(0, k)).toEqual(baseline.slice(0, k));
    const diverged = after.slice(k + 2, changed).some((v, i) => Math.abs(v - baseline[k + 2 + i]!) > 1e-9 * Math.abs(v));
    expect(diverged).toBe(true);
    expect(pageLog.errors).toEqual([]);
  });

  test('the speed in a link is the one the select shows and runs; a changed speed survives a reload', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open('be=cpu&speed=7');
    expect(await app.speedShown()).toBe('7 / frame');
    // At 7 steps a frame the worker takes at most 7 × 60 steps a second (auto would take thousands here).
    const started = Date.now();
    await app.play();
    await page.waitForTimeout(1500);
    await app.pause();
    const seconds = (Date.now() - started) / 1000;
    expect((await app.state()).step).toBeLessThanOrEqual(Math.ceil(7 * 60 * seconds));
    await app.setSpeed(5);
    await expect.poll(() => page.url()).toContain('speed=5');
    await page.reload();
    await expect.poll(() => app.speedShown()).toBe('5 / frame');
    // The default, auto, leaves the link.
    await app.setSpeed('auto');
    await expect.poll(() => page.url()).not.toContain('speed=');
    expect(await app.speedShown()).toBe('auto');
  });

  test('a structural change resets the model, says so, and Back restores the previous model', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open();
    await app.trainSteps(20);
    await app.setText('hidden', '8, 4');
    await expect(app.notice).toContainText('Model reset');
    await expect.poll(async () => (await app.state()).step).toBe(0);
    expect(page.url()).toContain('hidden=8,4');
    await page.goBack();
    await expect.poll(async () => (await app.state()).scenario.hidden).toEqual([16]);
    await page.goForward();
    await expect.poll(async () => (await app.state()).scenario.hidden).toEqual([8, 4]);
  });

  test('a bad typed value names the field, falls back, and nothing crashes', async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.open();
    await page.getByTestId('field-lr-text').fill('abc');
    await expect(app.fieldError('lr')).toContainText('Learning rate');
    await page.getByTestId('field-lr-text').press('Enter');
    await expect(app.fieldError('lr')).toContainText('kept 0.01');
    await expect(page.getByTestId('field-lr-text')).toHaveValue('0.01');
    expect((await app.state()).scenario.lr).toBe(0.01);
    await app.trainSteps(5);
    expect(pageLog.errors).toEqual([]);
  });

  test('keyboard: Space plays and pauses, → steps, R resets', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open();
    await app.focusPage();
    await app.press('Space');
    await expect.poll(async () => (await app.state()).running).toBe(true);
    await app.waitForStep(10);
    await app.press('Space');
    await expect.poll(async () => (await app.state()).running).toBe(false);
    const s = await app.step();
    await app.press('ArrowRight');
    await expect.poll(() => app.step()).toBe(s + 1);
    await app.press('r');
    await expect.poll(() => app.step()).toBe(0);
    // Every control is reachable by Tab and shows a focus ring.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  test('rejected URL keys are listed in a visible notice; embed mode shows chart and play only', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open('lr=abc&bogus=1&opt=sgd');
    await expect(app.notice).toContainText('lr=abc');
    await expect(app.notice).toContainText('bogus=1');
    expect((await app.state()).scenario.optimizer).toBe('sgd');
    expect((await app.state()).rejected.map((r) => r.key).sort()).toEqual(['bogus', 'lr']);

    await app.open('embed=1');
    await expect(app.playButton).toBeVisible();
    await expect(app.lossChart).toBeVisible();
    await expect(page.getByLabel('Scenario settings')).toHaveCount(0);
    await app.trainSteps(10);
  });
});

test.describe('divergence', () => {
  test('on webgl the diagnosis lists the edge cases measured on that backend', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open('preset=unscaled-features-sgd&be=webgl');
    const quirks = (await app.state()).backend!.quirks;
    expect(quirks.length).toBeGreaterThan(0); // SwiftShader's WebGL: log(0), 0/0, Inf/Inf, relu(−Inf)
    await app.play();
    const report = await app.waitForReport();
    expect(report.backend).toBe('webgl');
    await expect(app.diagnosis).toContainText(`Measured on webgl in ${report.precision}`);
    const listed = app.diagnosis.getByTestId('backend-quirks').locator('li');
    await expect(listed).toHaveText(quirks.map((q) => q.description));
    console.log(`webgl verdict: ${report.kind} in ${report.quantity} at step ${report.step}; quirks shown: ${quirks.map((q) => q.description).join('; ')}`);
  });

  test('the first non-finite line and marker sit at the sentinel step; the diagnosis names the quantity; a fix compares finite', async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.openPreset('unscaled-features-sgd');
    await app.play();
    const report = await app.waitForReport();
    await expect.poll(async () => (await app.state()).running).toBe(false); // paused on the flag
    await expect(app.lossChart).toHaveAttribute('data-first-nonfinite-step', String(report.step));
    // The vertical line, and its label (Recharts draws labels in a layer of their own).
    const line = app.lossChart.locator('.first-nonfinite-line');
    await expect(line).toHaveCount(1);
    await expect(app.lossChart.locator('svg')).toContainText(`first ${report.kind} · step ${report.step}`);
    await expect(app.firstNonFinite()).toHaveAttribute('data-step', String(report.step));
    await expect(app.diagnosis).toContainText(report.quantity);
    await expect(app.diagnosis).toContainText(`step ${report.step}`);
    // The marker on the rail: a shape for the flagged kind at the flagged step.
    const marker = app.lossSeries.locator(`[data-marker-step="${report.step}"][data-kind="${report.kind}"]`);
    await expect(marker).toHaveCount(1);
    const lineBox = (await line.locator('line').boundingBox())!;
    const markerBox = (await marker.boundingBox())!;
    expect(Math.abs(lineBox.x + lineBox.width / 2 - (markerBox.x + markerBox.width / 2))).toBeLessThan(2);

    await app.compareFirstFix();
    const compare = await app.getCompare();
    console.log(`compare "${compare!.label}": ${compare!.losses.length} steps, last loss ${compare!.losses.at(-1)}`);
    expect(compare!.losses.length).toBeGreaterThan(5);
    expect(compare!.losses.every(Number.isFinite)).toBe(true);
    await expect.poll(async () => Number(await app.lossSeries.getAttribute('data-compare-points'))).toBeGreaterThan(5);
    // Two curves with a legend that tells them apart.
    await expect(page.getByTestId('loss-legend')).toContainText('before');
    await expect(page.getByTestId('loss-legend')).toContainText('after');
    await expect(app.lossChart.locator('.series-line')).toHaveCount(2);
    expect(pageLog.errors).toEqual([]);
  });
});

test.describe('performance', { tag: '@perf' }, () => {
  test('training the U-Net 32×32 for 20 s: no main-thread long task over 50 ms (the longest printed)', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new PlaygroundPage(page);
    // cpu, not auto (webgl): SwiftShader's WebGL spends most of 20 s compiling shaders on this
    // machine, and what is measured here is the page's main thread, not the backend.
    // The benchmark's U-Net 32×32 (batch 4, 8 filters): about a step per second here, so the 20 s
    // window holds many records, not the two a 200-image batch gives.
    // Steps at the schema's maximum, so the run trains for the whole window instead of ending at 200.
    await app.open('model=unet&data=shapes&img=32&n=4&batch=4&filters=8&be=cpu&steps=100000');
    // The page's own first render comes before Play, as when a person opens the page and then
    // presses Play.
    await page.waitForTimeout(500);
    await app.resetFrameStats();
    await app.watchLongTasks();
    // From Play on, first records included: they lay out the chart lines for the first time.
    await app.play();
    await page.waitForTimeout(20_000);
    await app.pause();
    const tasks = await app.longTasks();
    const s = await app.state();
    const frames = await app.frameStats(600);
    const listed = tasks.length > 0 ? tasks.map((t) => `${t.toFixed(0)} ms`).join(', ') : 'none';
    console.log(
      `U-Net 32x32 on ${s.backend?.active}: ${s.step} steps in 20 s; long tasks (over 50 ms): ${listed}; longest chart-frame render ${frames.max.toFixed(1)} ms (median ${frames.median.toFixed(1)} ms over ${frames.frames} frames)`,
    );
    expect(s.step).toBeGreaterThanOrEqual(5);
    // The Long Tasks API reports only tasks over 50 ms, so the list itself is the check.
    expect(tasks).toEqual([]);
  });

  test('a frame costs about the same at step 20,000 as at step 1,000', async ({ page }) => {
    test.setTimeout(300_000);
    const app = new PlaygroundPage(page);
    // Both windows run at the same speed (records per frame), for the same time, so they differ
    // only in how long the run already is.
    const measure = async (from: number): Promise<Awaited<ReturnType<PlaygroundPage['frameStats']>>> => {
      await app.waitForStep(from, 240_000);
      await app.setSpeed(10);
      await app.resetFrameStats();
      await page.waitForTimeout(4000);
      const stats = await app.frameStats(600);
      await app.setSpeed(500);
      return stats;
    };
    // Steps at the schema's maximum: this run must not stop at the default 200 steps.
    await app.open('be=cpu&speed=500&autoplay=1&steps=100000');
    const early = await measure(1000);
    const late = await measure(20_000);
    await app.pause();
    const fmt = (s: typeof early) => `median ${s.median.toFixed(2)} ms, mean ${s.mean.toFixed(2)} ms, p90 ${s.p90.toFixed(2)} ms over ${s.frames} frames`;
    console.log(`per-frame main-thread time at step ~1,000: ${fmt(early)}; at step ~20,000: ${fmt(late)}`);
    expect(early.frames).toBeGreaterThan(20);
    expect(late.frames).toBeGreaterThan(20);
    expect(late.mean).toBeLessThanOrEqual(early.mean * 1.5);
    expect((await app.state()).losses.length).toBeGreaterThanOrEqual(20_000);
  });
});

test.describe('export and import', () => {
  test('exported JSON re-imports to the same scenario; CSV and PNG are non-empty', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open('lr=0.05&hidden=8,4&opt=momentum&be=cpu');
    const original = (await app.state()).scenario;
    await app.trainSteps(20);

    const json = await app.download('export-json');
    const path = await json.path();
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { scenario: unknown; records: unknown[] };
    expect(parsed.scenario).toEqual(original);
    expect(parsed.records.length).toBeGreaterThanOrEqual(20);

    const csv = await readFile(await (await app.download('export-csv')).path(), 'utf8');
    expect(csv.split('\n')[0]).toContain('step,loss');

    const png = await readFile(await (await app.download('export-png')).path());
    expect(png.length).toBeGreaterThan(2000);
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    await app.open();
    expect((await app.state()).scenario).not.toEqual(original);
    await app.importRunFile(path);
    await expect.poll(async () => (await app.state()).scenario).toEqual(original);
    expect(page.url()).toContain('lr=0.05');
  });
});

test.describe('screenshots', () => {
  test('default screen and a flagged run at 1280×800 (docs/screenshots)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const app = new PlaygroundPage(page);
    await app.open('be=cpu');
    await app.trainSteps(150);
    await page.waitForTimeout(600);
    await page.screenshot({ path: shotPath('default.png') });
    expect(await pngSize(shotPath('default.png'))).toEqual([1280, 800]);

    await app.openPreset('unscaled-features-sgd');
    await app.play();
    await app.waitForReport();
    await app.compareFirstFix();
    await page.evaluate(() => window.scrollTo(0, 0)); // the fix buttons scrolled into view; show the top
    await page.waitForTimeout(600);
    await page.screenshot({ path: shotPath('flagged.png') });
    expect(await pngSize(shotPath('flagged.png'))).toEqual([1280, 800]);
  });
});
