// The network diagram: the model's layers drawn with their weights, and the layer the sentinel flags
// lit under the sentinel's own name for the quantity.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

const LINKS: { name: string; query: string; column: string }[] = [
  // The learning-rate lesson in half precision: the first big step leaves dense1's pre-activation past 65504.
  { name: 'the too-high learning rate in float16', query: 'preset=optimizer-high-lr&prec=float16&scale=100&be=cpu', column: 'dense1' },
  // The lesson as it is: the squared error overflows first, in the loss.
  { name: 'the too-high learning rate', query: 'preset=optimizer-high-lr&be=cpu', column: 'loss' },
];

for (const link of LINKS) {
  test(`${link.name}: the diagram lights the flagged column, named exactly as the sentinel names the quantity`, async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.open(link.query);
    await expect(app.networkColumn('dense1')).toBeVisible();
    expect(await app.diagramFlag(), 'nothing lit before a flag').toBeNull();
    await app.play();
    const report = await app.waitForReport();
    await expect(app.networkDiagram().getByTestId('network-flag')).toBeVisible();
    const flag = (await app.diagramFlag())!;
    const quantity = await app.sentinelQuantity();
    console.log(
      `${link.query}: sentinel ${report.kind} in ${quantity} at step ${report.step}; diagram lights ${flag.first} under "${flag.label}", then ${flag.cascade.join(', ')}`,
    );
    expect(flag.label).toBe(quantity);
    expect(flag.label).toBe(report.quantity);
    await expect(app.firstNonFinite()).toContainText(`in ${flag.label} (`);
    expect(flag.first).toBe(link.column);
    expect(flag.over).toBe(link.column);
    expect(flag.cascade).not.toContain(link.column);
    await expect(app.networkColumn(link.column)).toHaveAttribute('aria-label', /the first non-finite value is here$/);
    await expect(app.networkDiagram().getByTestId('network-flag-text')).toContainText(
      `first in ${quantity}, in ${link.column === 'loss' ? 'loss' : link.column}`,
    );
    expect(pageLog.errors).toEqual([]);
  });
}

test('each column takes keyboard focus and says what it is; the diagram fits a 390 px wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new PlaygroundPage(page);
  await app.open('preset=playground-circle&be=cpu');
  const dense1 = app.networkColumn('dense1');
  await expect(dense1).toBeVisible();
  await dense1.focus();
  await expect(app.networkDiagram().getByTestId('network-focus')).toHaveText('dense1: 4 units, tanh');
  await page.keyboard.press('Tab');
  await expect(app.networkDiagram().getByTestId('network-focus')).toHaveText('dense2: 2 units, tanh');
  await expect(app.networkDiagram().getByTestId('network-text')).toHaveText(
    /^inputs: x1, x2 → dense1: 4 units, tanh → dense2: 2 units, tanh → out: 1 unit, linear → loss: /,
  );
  // The drawing, its panel and everything in the panel lie inside the screen, with nothing to scroll sideways.
  const panel = page.getByTestId('network-panel');
  for (const box of [await panel.boundingBox(), await app.networkDiagram().locator('svg').boundingBox()]) {
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  const widest = await panel.evaluate((el) => Math.max(...[el, ...el.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)));
  expect(widest).toBeLessThanOrEqual(390);
  expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

// UPDATE_SCREENSHOTS=1 rewrites docs/screenshots/boundary-network.png; otherwise the image goes to the test's output folder.
test('screenshots: the TensorFlow Playground lesson trained, its boundary and its network at 1280×720 (docs/screenshots)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new PlaygroundPage(page);
  await app.openPreset('playground-circle');
  await app.play();
  await expect.poll(async () => (await app.state()).running, { timeout: 100_000 }).toBe(false);
  const { step, scenario } = await app.state();
  expect(step).toBe(Number(scenario.steps));
  await expect.poll(async () => (await app.boundaryAccuracy())?.test ?? 0).toBeGreaterThanOrEqual(0.95);
  await expect(app.networkColumn('dense1')).toBeInViewport();
  await expect(app.boundaryMap()).toBeInViewport();
  const path = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/boundary-network.png' : test.info().outputPath('boundary-network.png');
  await page.screenshot({ path });
});
