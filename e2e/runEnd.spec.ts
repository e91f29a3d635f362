// A run has an end, and a stopped run always says why and what to do next.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('Play stops at Steps with "run complete"; Play again says so; Continue trains on', async ({ page, pageLog }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=cpu&steps=30');
  await app.play();
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-status', 'complete');
  expect((await app.state()).step).toBe(30);
  await expect(status).toContainText('Run complete at step 30');
  await app.playButton.click();
  await expect(app.notice).toContainText('The run is complete at step 30 (Steps: 30)');
  expect((await app.state()).step).toBe(30);
  await page.getByTestId('continue-run').click();
  await app.waitForStep(60);
  await app.pause();
  expect(pageLog.errors).toEqual([]);
});

test('a run paused at its flag says so on Play, steps past it by hand, and keeps going on request', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('preset=unscaled-features-sgd&be=cpu');
  await app.play();
  const report = await app.waitForReport();
  const status = page.getByTestId('run-status');
  await expect(status).toHaveAttribute('data-status', 'flagged');
  await expect(status).toContainText(`Paused at step ${report.step}`);
  await app.playButton.click();
  await expect(app.notice).toContainText(`Paused at step ${report.step}, the first non-finite value (${report.kind} in ${report.quantity})`);
  await page.getByTestId('step-past').click();
  await expect.poll(async () => (await app.state()).step).toBe(report.step + 1);
  await page.getByTestId('keep-going').click();
  await expect.poll(() => page.url()).toContain('cont=1');
  // The preset's 10 steps, then "run complete": past the flag without pausing at it.
  await expect(status).toHaveAttribute('data-status', 'complete');
  expect((await app.state()).step).toBe((await app.state()).scenario.steps as number);
});

test('an edited lesson says what changed, marks its verdict as the lesson’s, and goes back in one click', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('preset=unscaled-features-sgd&be=cpu');
  await expect(page.getByTestId('lesson-edited')).toHaveCount(0);
  await app.setText('lr', '0.5');
  const edited = page.getByTestId('lesson-edited');
  await expect(edited).toContainText('Learning rate 0.01 → 0.5');
  await expect(edited).toContainText('for the lesson as written');
  await page.getByTestId('back-to-lesson').click();
  await expect(edited).toHaveCount(0);
  expect((await app.state()).scenario.lr).toBe(0.01);
});
