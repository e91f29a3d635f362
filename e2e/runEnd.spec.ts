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

test('an edited lesson says what changed, gets the verdict of the edit beside the lesson’s, and goes back in one click', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('preset=unscaled-features-sgd&be=cpu');
  const outcome = app.presetOutcome();
  await expect(outcome).toHaveAttribute('data-verdict', 'holds');
  await expect(page.getByTestId('lesson-edited')).toHaveCount(0);
  // Two steps end the run before the step that overflows (3): the claim that it turns non-finite fails.
  await app.setText('steps', '2');
  const edited = page.getByTestId('lesson-edited');
  await expect(edited).toContainText('Steps 10 → 2');
  await expect(edited).toContainText('The verdict below is for your edit');
  await expect(outcome).toHaveAttribute('data-verdict', 'doesNotHold');
  await expect(outcome).toHaveAttribute('data-step', '');
  await expect(outcome).toContainText('The lesson as written, on cpu: the claim holds');
  await page.getByTestId('back-to-lesson').click();
  await expect(edited).toHaveCount(0);
  await expect(outcome).toHaveAttribute('data-verdict', 'holds');
  expect((await app.state()).scenario.steps).toBe(10);
});
