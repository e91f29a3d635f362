// A preset's outcome is computed live in the app (the same verdict as the command line),
// the search's numbers are shown, and the nearest setting where the claim holds opens in one click.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

interface CliOutcome {
  outcome: { verdict: string; text: string; search: { tried: unknown[] } | null };
}

function cliOutcome(preset: string): CliOutcome {
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'run', '--preset', preset, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out) as CliOutcome;
}

test('a preset whose claim fails as written: the app computes the CLI verdict, shows the search, and its variant makes the claim happen', async ({
  page,
  pageLog,
}) => {
  test.setTimeout(120_000);
  const id = 'activation-sigmoid-deep';
  const cli = cliOutcome(id);
  const app = new PlaygroundPage(page);
  await app.open(`preset=${id}&be=cpu`);
  const panel = page.getByTestId('preset-panel');
  await expect(panel).toHaveAttribute('data-preset', id);
  const outcome = panel.getByTestId('preset-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(outcome).toHaveAttribute('data-verdict', cli.outcome.verdict);
  await expect(outcome.getByTestId('outcome-text')).toHaveText(cli.outcome.text);
  // Every short run of the search is listed with what it showed.
  await expect(outcome.getByTestId('outcome-trials').locator('tbody tr')).toHaveCount(cli.outcome.search!.tried.length);
  console.log(`${id}: app says "${await outcome.getByTestId('outcome-text').textContent()}", CLI says "${cli.outcome.text}"`);

  expect(cli.outcome.verdict).toBe('holdsOnlyWith'); // sigmoid with lr 0.1 stays finite in float32 (computed)
  const before = (await app.state()).scenario;
  await outcome.getByTestId('outcome-variant').click();
  await expect.poll(async () => (await app.state()).scenario.lr).not.toBe(before.lr);
  const variant = (await app.state()).scenario;
  expect(page.url()).toContain(`lr=${variant.lr}`);
  // The claim of this preset is "NaN/Inf within 100 steps": the variant shows it in the app too.
  await app.play();
  const report = await app.waitForReport();
  expect(report.step).toBeLessThanOrEqual(100);
  expect(pageLog.errors).toEqual([]);
});

test('a preset whose claim holds: the verdict says so with no search, and the pair button opens its partner', async ({ page }) => {
  test.setTimeout(90_000);
  const cli = cliOutcome('unscaled-features-sgd');
  const app = new PlaygroundPage(page);
  await app.open('preset=unscaled-features-sgd&be=cpu');
  const outcome = page.getByTestId('preset-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(outcome.getByTestId('outcome-text')).toHaveText(cli.outcome.text);
  await expect(outcome).toHaveAttribute('data-verdict', 'holds');
  await expect(outcome.getByTestId('outcome-variant')).toHaveCount(0);
  await page.getByTestId('preset-pair').click();
  await expect(page.getByTestId('preset-panel')).toHaveAttribute('data-preset', 'unscaled-features-zscore');
  await expect(page.getByTestId('preset-outcome')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
});
