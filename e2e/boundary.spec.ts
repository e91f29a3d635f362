// The 2D classification view people know from TensorFlow Playground: its default network on the
// circle, trained on the default backend, drawn as a decision-boundary heat map with the points.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

// UPDATE_SCREENSHOTS=1 rewrites docs/screenshots/boundary.png; otherwise the image goes to the test's
// output folder, so an ordinary run never edits tracked files.
const shotPath = (name: string): string => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));

test('the TensorFlow Playground lesson separates the circle: test accuracy reaches 95 % and the heat map is blue inside, orange outside', async ({
  page,
  pageLog,
}) => {
  const app = new PlaygroundPage(page);
  await app.openPreset('playground-circle');
  const { scenario, backend } = await app.state();
  const steps = Number(scenario.steps);
  await expect(app.boundaryMap()).toBeVisible(); // the untrained network's preview comes with the model
  await app.play();

  // Previews arrive about four times a second, so the step read when one first shows 95 % is the
  // first step known to have it (an upper bound, within a quarter second of training).
  let reachedAt: number | null = null;
  await expect
    .poll(
      async () => {
        const [accuracy, state] = await Promise.all([app.boundaryAccuracy(), app.state()]);
        if (accuracy?.test != null && accuracy.test >= 0.95) {
          reachedAt = state.step;
          return 'reached';
        }
        return state.running || state.step < steps ? 'training' : 'ended below 95 %';
      },
      { timeout: 100_000, intervals: [100] },
    )
    .toBe('reached');
  console.log(`playground-circle on ${backend?.active ?? '?'}: test accuracy ≥ 95 % seen at step ${String(reachedAt)} of ${steps}`);
  expect(reachedAt!).toBeLessThanOrEqual(steps);
  await app.pause();

  // The last preview after the pause is drawn from the weights the run stopped with.
  await expect.poll(async () => (await app.boundaryAccuracy())?.test ?? 0).toBeGreaterThanOrEqual(0.9);
  const colours = await app.boundaryColours();
  expect(colours.centre.blue, 'the disc is painted class 1 (blue)').toBeGreaterThan(0.5);
  expect(colours.centre.orange).toBeLessThan(0.1);
  expect(colours.corners.orange, 'outside the ring is painted class 0 (orange)').toBeGreaterThan(0.5);
  expect(colours.corners.blue).toBeLessThan(0.1);
  await expect(app.boundaryMap().locator('canvas')).toHaveAttribute('aria-label', /Accuracy: train \d+ %, test \d+ %/);
  await expect(app.boundaryMap().getByTestId('boundary-accuracy')).toHaveText(/^train \d+ %, test (9[0-9]|100) %$/);

  await app.boundaryMap().scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('boundary.png') });
  expect(pageLog.errors).toEqual([]);
});
