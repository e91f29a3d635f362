// Accessibility scans (axe-core) of the screens people use: the start screen (the lessons), free play, a lesson,
// classroom mode, an embed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { StartPage } from './pages/StartPage';

function expectNoSeriousViolations(name: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): void {
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const counts = violations.map((v) => `${v.id} (${v.impact ?? '?'}, ${v.nodes.map((n) => n.target.join(' ')).join(' | ')})`);
  console.log(`axe ${name}: ${violations.length} violations${counts.length ? `: ${counts.join(', ')}` : ''}`);
  expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

test('axe: no serious or critical violations on the start screen, its badges computed', async ({ page }) => {
  const start = new StartPage(page);
  await start.open();
  await start.verdicts();
  expectNoSeriousViolations('start screen', (await new AxeBuilder({ page }).analyze()).violations);
});

const SCREENS: { name: string; query: string }[] = [
  { name: 'free play', query: 'be=cpu' },
  { name: 'a lesson, flagged', query: 'preset=unscaled-features-sgd&be=cpu' },
  { name: 'classroom mode', query: 'preset=unscaled-features-sgd&be=cpu&classroom=1&show=lr,scale' },
  { name: 'an embed', query: 'preset=unscaled-features-sgd&be=cpu&embed=1' },
  { name: 'a stability map', query: 'preset=autoencoder-plain&be=cpu&map=lr,scale&mapx=1e-2,1e7&mapy=0.1,1e11&mapn=6,6' },
];

for (const screen of SCREENS) {
  test(`axe: no serious or critical violations on ${screen.name}`, async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open(screen.query);
    // Scan a screen with a run on it: charts, markers and the diagnosis drawn.
    await app.play();
    await expect.poll(async () => (await app.state()).step).toBeGreaterThan(0);
    await app.pause();
    expectNoSeriousViolations(screen.name, (await new AxeBuilder({ page }).analyze()).violations);
  });
}
