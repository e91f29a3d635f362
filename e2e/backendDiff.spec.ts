// Compare backends in the page: the same scenario on a second backend, and where the two runs part.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { pngSize, shotPath } from './screenshots';

test('the high-learning-rate lesson on cpu against wasm: both first non-finite steps, the first divergence and the strip', async ({ page, pageLog }) => {
  const app = new PlaygroundPage(page);
  await app.open('preset=optimizer-high-lr&be=cpu&cont=1');
  await app.play();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'complete', { timeout: 60_000 });
  const panel = page.getByTestId('backend-diff');
  await panel.getByTestId('diff-backend').selectOption('wasm');
  await panel.getByTestId('compare-backends').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const flagA = panel.getByTestId('diff-flag-a');
  const flagB = panel.getByTestId('diff-flag-b');
  await expect(flagB).not.toHaveText('none');
  // Each side's first non-finite step is the one its own run records.
  const main = await app.state();
  const mainFlag = main.losses.findIndex((l) => !Number.isFinite(l)) + 1;
  await expect(flagA).toHaveText(`step ${mainFlag}`);
  const compare = await app.getCompare();
  const compareFlag = compare!.losses.findIndex((l) => !Number.isFinite(l)) + 1;
  await expect(flagB).toHaveText(`step ${compareFlag}`);
  console.log(
    `optimizer-high-lr: cpu first non-finite at ${mainFlag}, wasm at ${compareFlag}; ${await panel.getByTestId('diff-first-step').textContent()} first differs`,
  );
  await expect(panel.getByTestId('diff-first-step')).toHaveText(/step \d+/);
  await expect(panel.getByTestId('diff-strip-line')).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(panel.getByTestId('diff-explanation')).not.toBeEmpty();
  // The measured cause of the three steps between them: wasm sums before it divides, so its mean overflows first.
  await expect(panel.getByTestId('diff-explanation')).toContainText('mean(3e38, 3e38)');
  expect(pageLog.errors).toEqual([]);
  await panel.scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await page.screenshot({ path: shotPath('backend-diff.png') });
  expect(await pngSize(shotPath('backend-diff.png'))).toEqual([1280, 800]);
});
