// The pair as one lesson: one click runs the broken and the fixed version overlaid, and a fix is checked where its
// broken partner breaks (src/ui/pairCheck.test.ts covers a partner that never breaks).
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

test('“Run both” trains the lesson and its fix in one chart', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.openLesson('optimizer-high-lr', 'cpu');
  await page.getByTestId('pair-overlay').click();
  await expect.poll(async () => (await lesson.state()).step).toBeGreaterThan(0);
  await expect.poll(async () => (await lesson.getCompare())?.losses.length ?? 0, { timeout: 60_000 }).toBeGreaterThan(0);
  const compare = await lesson.getCompare();
  expect(compare!.label).toBe('the fix: Adam, small learning rate, weight decay, norm clipping');
  await expect(page.getByTestId('loss-legend')).toContainText('the fix: Adam');
});

test('a fix is tried where the broken version breaks', async ({ page }) => {
  test.setTimeout(300_000);
  const lesson = new LessonPage(page);
  // The deep sigmoid stack breaks only with a larger learning rate (its search finds it): ReLU is tried there too.
  await lesson.openLesson('activation-relu', 'cpu');
  const check = page.getByTestId('pair-check');
  await expect(check).toHaveAttribute('data-check', 'at-break', { timeout: 240_000 });
  const text = (await check.textContent()) ?? '';
  console.log(`activation-relu at the break: ${text}`);
  expect(text).toMatch(/^The broken version breaks only with learning rate [0-9.e+-]+; this fix with that setting too: /);
  expect(['holds', 'doesNotHold']).toContain(await check.getAttribute('data-verdict'));

  // MSE on predictions around ±100 overflows only with predictions 10²⁰ times larger: the fix (÷10) is tried there.
  await lesson.openLesson('mse-smaller-predictions', 'cpu');
  await expect(check).toHaveAttribute('data-check', 'at-break', { timeout: 120_000 });
  console.log(`mse-smaller-predictions at the break: ${await check.textContent()}`);
  await expect(check).toContainText('The broken version breaks only with input scale 1e20');
});
