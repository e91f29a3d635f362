// The start screen is the lessons: every article's group and its first card above the fold, each card's badge the
// verdict the command line computes for that preset, and one click to a lesson or to free play.
import { expect, test } from './fixtures';
import { cliOutcomes } from './cliOutcome';
import { LessonPage } from './pages/LessonPage';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { pngSize, shotPath } from './screenshots';
import { StartPage } from './pages/StartPage';

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`every lesson group and its first card are above the fold at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const start = new StartPage(page);
    await start.open();
    const placements = await start.placements();
    console.log(
      `${viewport.width}×${viewport.height}: ${placements.map((p) => `${p.group} ${Math.round(p.headingTop)}–${Math.round(p.firstCardBottom)} px`).join(', ')}`,
    );
    expect(placements.map((p) => p.group)).toEqual(['article-1', 'article-2', 'article-3', 'article-4', 'article-5', 'playground']);
    for (const p of placements) expect(p.firstCardBottom, p.group).toBeLessThanOrEqual(viewport.height);
    expect(await start.scrollWidth()).toBeLessThanOrEqual(viewport.width);
  });
}

test('each card’s badge is the verdict `npm run cli -- run --preset <id> --json` gives', async ({ page }) => {
  test.setTimeout(420_000);
  const start = new StartPage(page);
  await start.open();
  const ids = await start.cards.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-preset') ?? ''));
  // The command line runs while the page computes its own, both on cpu.
  const [cli, shown] = await Promise.all([cliOutcomes(ids), start.verdicts()]);
  const table = ids.map((id) => `${id.padEnd(32)} ${shown[id]!.padEnd(14)} ${cli[id]!.verdict}`);
  console.log(`preset                           page           cli\n${table.join('\n')}`);
  expect(ids.length).toBeGreaterThanOrEqual(27);
  expect(shown).toEqual(Object.fromEntries(ids.map((id) => [id, cli[id]!.verdict])));
});

test('a card opens its lesson, Back returns to the lessons, free play opens every setting', async ({ page }) => {
  const start = new StartPage(page);
  await start.open();
  await start.card('optimizer-high-lr').click();
  await expect(page).toHaveURL(/[?&]preset=optimizer-high-lr/);
  await expect(page.getByTestId('preset-panel')).toHaveAttribute('data-preset', 'optimizer-high-lr');
  await expect(start.screen).toHaveCount(0);
  await page.goBack();
  await expect(start.screen).toBeVisible();
  await start.freePlay.click();
  await expect(page).toHaveURL(/\?v=1$/);
  const app = new PlaygroundPage(page);
  await expect(app.playButton).toBeVisible();
  await expect(page.getByTestId('preset-panel')).toHaveCount(0);
  await page.getByTestId('show-lessons').click();
  await expect(start.screen).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test.describe('screenshots', () => {
  for (const viewport of [
    { width: 1280, height: 800, name: '1280' },
    { width: 390, height: 844, name: '390' },
  ]) {
    test(`the start screen and a flagged lesson at ${viewport.width}×${viewport.height} (docs/screenshots)`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.setViewportSize(viewport);
      const start = new StartPage(page);
      await start.open();
      await start.verdicts();
      await page.screenshot({ path: shotPath(`start-${viewport.name}.png`) });
      expect(await pngSize(shotPath(`start-${viewport.name}.png`))).toEqual([viewport.width, viewport.height]);

      // The lesson whose backends disagree: wasm flags at step 33, cpu at 36, and the panel says why.
      const lesson = new LessonPage(page);
      await lesson.openLesson('optimizer-high-lr', 'wasm');
      await lesson.playToEnd();
      await expect(lesson.referenceLine()).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(600);
      await page.screenshot({ path: shotPath(`lesson-flagged-${viewport.name}.png`) });
      expect(await pngSize(shotPath(`lesson-flagged-${viewport.name}.png`))).toEqual([viewport.width, viewport.height]);
    });
  }
});
