// Issue 4 acceptance: the playground screen, driven through its page object.
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

test.describe('playground screen', () => {
  test('default scenario plays 200 steps and pauses', async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.open();
    await expect(app.backendIndicator).toContainText((await app.state()).backend!.active);
    const at = await app.trainSteps(200);
    expect(at).toBeGreaterThanOrEqual(200);
    const paused = await app.step();
    await page.waitForTimeout(300);
    expect(await app.step()).toBe(paused);
    const { losses } = await app.state();
    expect(losses.length).toBe(paused);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
    expect(Number(await app.lossChart.getAttribute('data-points'))).toBeGreaterThan(100);
    expect(pageLog.errors).toEqual([]);
  });
});
