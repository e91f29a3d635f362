// The loss chart read as TensorBoard users read theirs: hover values, drag-zoom, runs switched on and off.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('hovering shows the exact loss of the step under the pointer', async ({ page, pageLog }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=cpu&speed=1');
  await app.trainSteps(60);
  const { losses } = await app.state();
  for (const fraction of [0.2, 0.55]) {
    const { step, lines } = await app.hoverLoss(fraction);
    expect(step).toBeGreaterThanOrEqual(1);
    expect(step).toBeLessThanOrEqual(losses.length);
    // The value is the record's, to the last digit (not a downsampled bucket's).
    expect(lines[0]!.value).toBe(String(losses[step - 1]));
    expect(lines[0]!.text).toContain('this run: ');
  }
  expect(pageLog.errors).toEqual([]);
});

test('dragging zooms to those steps; a double-click shows the whole run again; a flagged run zooms to the steps before its flag', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=cpu&speed=1');
  await app.trainSteps(80);
  expect(await app.lossZoom()).toBe('');
  await app.dragLoss(0.2, 0.6);
  const zoom = await app.lossZoom();
  const [from, to] = zoom.split('-').map(Number) as [number, number];
  expect(to - from).toBeGreaterThanOrEqual(4);
  // Hovering inside the zoom reads a step inside it.
  const { step } = await app.hoverLoss(0.5);
  expect(step).toBeGreaterThanOrEqual(from);
  expect(step).toBeLessThanOrEqual(to);
  await page.getByTestId('loss-plot-area').dblclick();
  await expect.poll(() => app.lossZoom()).toBe('');

  await app.openPreset('unscaled-features-sgd');
  await app.play();
  const report = await app.waitForReport();
  await page.getByTestId('zoom-to-flag').click();
  const [a, b] = (await app.lossZoom()).split('-').map(Number) as [number, number];
  expect(a).toBeLessThan(report.step);
  expect(b).toBeGreaterThan(report.step);
  await page.getByTestId('zoom-out').click();
  await expect.poll(() => app.lossZoom()).toBe('');
});

test('the compare run is listed beside the main run, and each can be switched off', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.openPreset('unscaled-features-sgd');
  await app.play();
  await app.waitForReport();
  await app.compareFirstFix();
  const curves = app.lossChart.locator('.series-line');
  await expect(curves).toHaveCount(2);
  // The PNG stands alone: a title and the link above the 300 px chart, a legend row per run below (at 2×).
  const png = await readFile(await (await app.download('export-png')).path());
  expect(png.readUInt32BE(20)).toBe(2 * (52 + 300 + 2 * 20 + 12));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-chart').click();
  await expect(app.notice).toContainText('Chart copied as an image');
  await app.runToggle('compare').uncheck();
  await expect(curves).toHaveCount(1);
  await expect(app.lossChart.locator('[data-series="compare"]')).toHaveCount(0);
  await app.runToggle('compare').check();
  await app.runToggle('main').uncheck();
  await expect(curves).toHaveCount(1);
  await expect(app.lossChart.locator('[data-series="run"]')).toHaveCount(0);
  await expect(app.lossChart.locator('[data-series="compare"]')).toHaveCount(1);
});

test('three runs in one chart (the main run, a compare run, an imported file), each switched off and on alone', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.openPreset('unscaled-features-sgd');
  await app.play();
  await app.waitForReport();
  const path = await (await app.download('export-json')).path();
  await app.compareFirstFix();
  const curves = app.lossChart.locator('.series-line');
  await expect(curves).toHaveCount(2);
  await app.importRunFile(path);
  await expect(app.runToggle('import-1')).toBeChecked();
  await expect(curves).toHaveCount(3);
  for (const [id, series] of [
    ['main', 'run'],
    ['compare', 'compare'],
    ['import-1', 'import'],
  ] as const) {
    await app.runToggle(id).uncheck();
    await expect(curves).toHaveCount(2);
    await expect(app.lossChart.locator(`[data-series="${series}"]`)).toHaveCount(0);
    await app.runToggle(id).check();
    await expect(curves).toHaveCount(3);
  }
});

test('an imported run file is drawn as a run of its own, with exactly the exported losses', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('lr=0.05&hidden=8,4&opt=momentum&be=cpu&speed=1');
  await app.trainSteps(30);
  const path = await (await app.download('export-json')).path();
  const exported = JSON.parse(await readFile(path, 'utf8')) as { records: { step: number; loss: number }[] };
  await app.open('be=cpu');
  await app.importRunFile(path);
  await expect(app.runToggle('import-1')).toBeChecked();
  await expect(app.lossChart.locator('[data-series="import"]')).toHaveCount(1);
  const byStep = new Map(exported.records.map((r) => [r.step, r.loss]));
  for (const fraction of [0.1, 0.5, 0.9]) {
    const { step, lines } = await app.hoverLoss(fraction);
    const file = lines.find((l) => l.text.startsWith('file: '))!;
    expect(file.value).toBe(String(byStep.get(step)));
  }
  await app.runToggle('import-1').uncheck();
  await expect(app.lossChart.locator('[data-series="import"]')).toHaveCount(0);
});
