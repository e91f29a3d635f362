// Pause while the worker is inside a step that takes seconds (an 8×256 MLP on 3,000 rows in one
// batch, ≈ 9.5 GFLOP a step on cpu): Pause answers within a second: the worker that cannot be interrupted
// is ended after a moment, and a new one goes on from the last finished step; nothing finished is lost.
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

const SLOW = 'model=mlp&data=uniform&lr=0.001&n=3000&feat=256&hidden=256,256,256,256,256,256,256,256&batch=0&be=cpu';

test('@perf Pause answers within a second inside a step of seconds, and keeps every finished step', async ({ page, pageLog }) => {
  test.setTimeout(240_000);
  const app = new PlaygroundPage(page);
  await app.open(SLOW);
  await expect(app.budgetRefusal()).toHaveCount(0);
  await app.play();
  await app.waitForStep(1, 120_000);
  const firstAt = Date.now();
  await app.waitForStep(2, 120_000);
  const stepMs = Date.now() - firstAt;
  console.log(`one step: ${stepMs} ms on cpu`);
  expect(stepMs).toBeGreaterThanOrEqual(5000);
  // Inside step 3 now: its record is seconds away.
  await page.waitForTimeout(1000);
  const clicked = Date.now();
  await app.playButton.click();
  await expect(app.playButton).toHaveText('▶ Play', { timeout: 1000 });
  const answeredMs = Date.now() - clicked;
  console.log(`Pause answered in ${answeredMs} ms`);
  expect(answeredMs).toBeLessThan(1000);
  await expect(app.notice).toContainText('Step 3 was still being computed and cannot be interrupted, so it was dropped; a new worker goes on from step 2.');

  const counted = async () => {
    const s = await app.state();
    return {
      counter: await app.step(),
      step: s.step,
      records: s.records,
      losses: s.losses.length,
      points: Number(await app.lossSeries.getAttribute('data-points')),
    };
  };
  expect(await counted()).toEqual({ counter: 2, step: 2, records: 2, losses: 2, points: 2 });
  // The step that was dropped is taken again by the new worker, from step 2's weights.
  await page.waitForTimeout(2000);
  expect(await counted()).toEqual({ counter: 2, step: 2, records: 2, losses: 2, points: 2 });
  await app.play();
  await app.waitForStep(3, 120_000);
  await app.pause();
  const after = await counted();
  expect(after.step).toBeGreaterThanOrEqual(3);
  expect(after).toEqual({ counter: after.step, step: after.step, records: after.step, losses: after.step, points: after.step });
  expect((await app.state()).losses.every(Number.isFinite)).toBe(true);
  expect(pageLog.errors).toEqual([]);
});
