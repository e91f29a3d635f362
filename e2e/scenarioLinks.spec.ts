// Shared links: a preset link replays identically, Back/Forward walk between scenarios, and a
// hand-broken link names every key it ignored.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

const PRESET = 'preset=unscaled-features-sgd&be=cpu';

test('the same preset link twice gives the same losses and the same first non-finite step', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const runs = [];
  for (let i = 0; i < 2; i++) {
    await app.open(PRESET);
    await app.play();
    await expect.poll(async () => (await app.state()).report?.step ?? null, { timeout: 60_000 }).not.toBeNull();
    runs.push(await app.state());
  }
  const [a, b] = runs as [Awaited<ReturnType<PlaygroundPage['state']>>, Awaited<ReturnType<PlaygroundPage['state']>>];
  console.log(`first non-finite: ${a.report?.step} ${a.report?.quantity} / ${b.report?.step} ${b.report?.quantity}`);
  expect(a.report).toEqual(b.report);
  expect(a.losses).toEqual(b.losses);
  expect(a.report!.step).toBe(3);
});

test('Back and Forward restore the previous scenario', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=cpu&lr=0.003');
  await page.goto('./?be=cpu&model=autoencoder&data=uniform&feat=10&hidden=5');
  await expect.poll(async () => (await app.state()).scenario.model).toBe('autoencoder');
  await page.goBack();
  await expect.poll(async () => (await app.state()).scenario.model).toBe('mlp');
  expect((await app.state()).scenario.lr).toBe(0.003);
  await page.goForward();
  await expect.poll(async () => (await app.state()).scenario.model).toBe('autoencoder');
  // Within one page: a structural change pushes an entry, so Back returns without a reload.
  const modelSelect = page.getByRole('combobox', { name: /^Model\b/ });
  if (!(await modelSelect.isVisible())) await page.locator('summary', { hasText: /^Model$/ }).click();
  await modelSelect.selectOption('linear');
  await expect.poll(() => page.url()).toContain('model=linear');
  await page.goBack();
  await expect.poll(async () => (await app.state()).scenario.model).toBe('autoencoder');
});

test('a hand-broken link lists every ignored key and runs the valid rest', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=cpu&lr=abc&act=swish&batch=-3&scale=1e40&bogus=1&opt=sgd');
  const s = await app.state();
  expect(s.rejected.map((r) => r.key).sort()).toEqual(['act', 'batch', 'bogus', 'lr', 'scale']);
  expect(s.scenario.optimizer).toBe('sgd');
  for (const key of ['lr=abc', 'act=swish', 'batch=-3', 'scale=1e40', 'bogus=1']) await expect(app.notice).toContainText(key);
  await app.trainSteps(5);
  expect(Number.isFinite((await app.state()).losses[4])).toBe(true);
});
