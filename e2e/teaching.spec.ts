// What a lesson says beyond the sentinel: a finite run that did not learn, and the help of every setting for those
// without a mouse to hover.
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('a finite run whose loss never went down says “not learning” beside the chart, and the lesson’s verdict says it too', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.openLesson('autoencoder-ratio-loss', 'cpu');
  await expect(page.getByTestId('outcome-stall')).toContainText('Not learning: the loss did not go down in 50 steps');
  const end = await lesson.playToEnd();
  expect(end.why).toBe('done');
  await expect(page.getByTestId('stall-note')).toContainText('Not learning: the loss did not go down in 50 steps');
  // A run that learns says nothing of the kind.
  await lesson.openLesson('autoencoder-scaled-tanh', 'cpu');
  await lesson.playToEnd();
  await expect(page.getByTestId('stall-note')).toHaveCount(0);
});

test('the help of every setting is one key press away, without hovering', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=cpu');
  const toggle = page.getByTestId('help-toggle');
  await expect(page.getByTestId('field-lr-help')).toHaveCount(0);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('field-lr-help')).toBeVisible();
  expect((await page.getByTestId('field-lr-help').textContent())?.length ?? 0).toBeGreaterThan(10);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-lr-help')).toHaveCount(0);
});
