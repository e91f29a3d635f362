// The cost beside the settings and the memory budget a person sets for this browser: a run over the
// budget is refused before it is built, a larger budget lets the same link train, the choice survives
// a reload, and it never travels in a link.
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** ≈ 310 MB, almost all of it the data set (100,000 rows of 256 features and their JS copy). */
const BIG_DATA = 'v=1&data=synthetic&n=100000&feat=256&hidden=8&batch=32&be=cpu';

test('the cost line tells memory against the budget, the work of a step and its pace on this backend', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('v=1&be=cpu');
  const line = app.costLine();
  await expect(line).toContainText(/≈ [\d.]+ kB of the [\d.]+ GB budget/);
  await expect(line).toContainText('under 0.01 s a step on cpu');
  await expect(line).toHaveAttribute('data-over', 'false');
  await app.open('v=1&model=unet&data=shapes&img=64&n=8&batch=8&filters=16&be=cpu');
  await expect(line).toContainText(/≈ [\d.]+ GFLOP a step · ≈ [\d.]+ s a step on cpu \(estimated\)/);
});

test('a budget set lower refuses the run by that budget; a larger one trains the same link; the choice is kept here, not in links', async ({
  page,
  pageLog,
}) => {
  const app = new PlaygroundPage(page);
  await app.open(BIG_DATA);
  await expect.poll(async () => (await app.state()).parameters.length, { timeout: 60_000 }).toBeGreaterThan(0);

  await app.chooseBudget('128 MB');
  const refusal = app.budgetRefusal();
  await expect(refusal).toContainText('the budget here is 128 MB');
  await expect(refusal).toContainText('lower Samples');
  await expect(app.costLine()).toHaveAttribute('data-over', 'true');
  await expect(app.costLine()).toContainText('over: it will not start');
  expect([(await app.state()).step, await app.tensorCount()]).toEqual([0, 0]);

  await app.chooseBudget('1 GB');
  await expect(refusal).toHaveCount(0);
  await app.play();
  await expect.poll(async () => (await app.state()).step, { timeout: 60_000 }).toBeGreaterThan(0);
  expect(page.url()).not.toMatch(/budget/i);

  await page.reload();
  await expect(page.getByTestId('budget-select')).toHaveValue(String(1e9));
  await app.chooseBudget('128 MB');
  await expect(refusal).toBeVisible();
  await app.chooseBudget(/\(default here\)$/);
  await expect(refusal).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('budget-select')).toHaveValue('device');
  expect(pageLog.errors).toEqual([]);
});
