// Article 000 on a U-Net: from the same seed, MSE goes non-finite within the lesson's steps and L1 stays finite, in
// the app on the backend "auto" picks.
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

test('the U-Net MSE lesson goes non-finite within its steps on the auto backend; the L1 lesson from the same seed stays finite', async ({ page }) => {
  test.setTimeout(600_000);
  const lesson = new LessonPage(page);
  await lesson.openLesson('unet-mse', 'auto', 300_000);
  const mse = await lesson.playToEnd(300_000);
  const mseState = await lesson.state();
  const backend = mseState.backend?.active;
  const first = mseState.report;
  console.log(
    `unet-mse on ${backend}: stopped ${mse.why} at step ${mse.step} of ${String(mseState.scenario.steps)}; first non-finite ${JSON.stringify(first && { step: first.step, quantity: first.quantity, kind: first.kind, phase: first.phase })}; verdict ${JSON.stringify(await lesson.verdictEvent())}`,
  );
  expect(first).not.toBeNull();
  expect(first!.step).toBeLessThanOrEqual(mseState.scenario.steps as number);
  expect(mse).toEqual({ step: first!.step, why: 'flagged' });
  await expect(lesson.presetOutcome()).toHaveAttribute('data-verdict', 'holds');

  await lesson.openLesson('unet-l1', 'auto', 300_000);
  const l1 = await lesson.playToEnd(300_000);
  const l1State = await lesson.state();
  const losses = l1State.losses;
  console.log(
    `unet-l1 on ${l1State.backend?.active}: stopped ${l1.why} at step ${l1.step}; first non-finite ${JSON.stringify(l1State.report)}; loss ${losses[0]} → ${losses.at(-1)}`,
  );
  expect(l1State.backend?.active).toBe(backend);
  expect(l1State.scenario.seed).toBe(mseState.scenario.seed);
  expect(l1State.report).toBeNull();
  expect(l1).toEqual({ step: l1State.scenario.steps as number, why: 'done' });
  expect(losses.every((l) => Number.isFinite(l))).toBe(true);
  await expect(lesson.presetOutcome()).toHaveAttribute('data-verdict', 'holds');
});
