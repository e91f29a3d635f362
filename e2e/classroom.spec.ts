// Classroom mode: what a projector shows, from a link or from the Present button.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

test.use({ viewport: { width: 1280, height: 720 } });

test('a classroom link shows the lesson in large type with only the panels and settings it names', async ({ page, pageLog }) => {
  const app = new PlaygroundPage(page);
  await app.open('preset=unscaled-features-sgd&be=cpu&classroom=1&panels=loss,diagnosis&show=lr,scale');
  const room = page.getByTestId('classroom');
  await expect(room).toBeVisible();
  const bodySize = await room.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(20);
  await expect(page.getByTestId('lesson-line')).toContainText('The article says:');
  await expect(page.getByTestId('lesson-verdict')).toContainText('Observed:');
  // Only the two settings named, no setting groups, no export bar, no gallery.
  const settings = page.getByLabel('Scenario settings');
  await expect(settings.locator('[data-testid$="-text"]')).toHaveCount(2);
  await expect(page.getByTestId('field-lr-text')).toBeVisible();
  await expect(page.getByTestId('field-inputScale-text')).toBeVisible();
  await expect(page.getByTestId('export-json')).toHaveCount(0);
  await expect(page.getByTestId('grad-norm-chart')).toHaveCount(0);
  await app.play();
  await app.waitForReport();
  await expect(app.firstNonFinite()).toBeVisible();
  // Edits keep the classroom flags in the link.
  await app.setText('lr', '0.02');
  await expect.poll(() => page.url()).toContain('classroom=1');
  expect(page.url()).toContain('show=lr,scale');
  expect(pageLog.errors).toEqual([]);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/classroom.png' });
});

test('Present enters classroom mode, Leave and Back return to the full playground', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=cpu');
  await page.getByTestId('present-button').click();
  await expect(page.getByTestId('classroom')).toBeVisible();
  expect(page.url()).toContain('classroom=1');
  await page.getByTestId('leave-classroom').click();
  await expect(page.getByTestId('classroom')).toHaveCount(0);
  await expect(page.getByLabel('Scenario settings')).toBeVisible();
  await page.getByTestId('present-button').click();
  await expect(page.getByTestId('classroom')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('classroom')).toHaveCount(0);
});

test('an embed shows the lesson line, Play, Step and Reset above its chart', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('preset=unscaled-features-sgd&be=cpu&embed=1');
  await expect(page.getByTestId('lesson-line')).toContainText('The article says:');
  await expect(app.playButton).toBeVisible();
  await expect(app.stepButton).toBeVisible();
  await expect(app.resetButton).toBeVisible();
  await expect(app.lossChart).toBeVisible();
});
