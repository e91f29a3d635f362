// One truth per screen: for every lesson on cpu, wasm and webgl, played to its end, the verdict's step, quantity and
// kind are the chart's first-non-finite line and the diagnosis; where the backend's step differs from cpu's, the
// screen gives both. Every lesson played to its end stops at its Steps or at its flag.
import { expect, test } from './fixtures';
import { cliOutcomes, type CliOutcome } from './cliOutcome';
import { LessonPage, type ShownEvent } from './pages/LessonPage';
import { StartPage } from './pages/StartPage';

const show = (e: ShownEvent | { step: number; quantity: string; kind: string } | null): string => (e ? `${e.kind} ${e.quantity} @${e.step}` : 'finite');

let presets: string[] = [];
let cli: Record<string, CliOutcome> = {};

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await browser.newPage();
  const start = new StartPage(page);
  await start.open();
  presets = await start.cards.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-preset') ?? ''));
  await page.close();
  cli = await cliOutcomes(presets);
});

for (const backend of ['cpu', 'wasm', 'webgl']) {
  test(`every lesson on ${backend}: verdict, chart line and diagnosis name one event; the run stops at Steps or its flag`, async ({ page }) => {
    test.setTimeout(1_500_000);
    const lesson = new LessonPage(page);
    const rows: string[] = [];
    for (const id of presets) {
      await lesson.openLesson(id, backend);
      const steps = (await lesson.state()).scenario.steps as number;
      const end = await lesson.playToEnd();
      const s = await lesson.state();
      const verdict = await lesson.verdictEvent();
      const chart = await lesson.chartEvent();
      const quantity = await lesson.diagnosisQuantity();
      const report = s.report ? { step: s.report.step, quantity: s.report.quantity, kind: s.report.kind } : null;
      const ref = cli[id]!.firstNonFinite;
      const differs = show(ref) !== show(verdict);
      rows.push(
        `${id.padEnd(32)} ${backend.padEnd(6)} ${show(verdict).padEnd(30)} ${show(chart).padEnd(30)} ${String(quantity ?? '–').padEnd(18)} ${show(ref).padEnd(30)} ${end.why}@${end.step}/${steps}${differs ? '  (both shown)' : ''}`,
      );
      // Acceptance: one event on the screen.
      expect(s.backend?.active, id).toBe(backend);
      expect(verdict, `${id}: verdict vs sentinel`).toEqual(report);
      expect(chart, `${id}: chart line vs verdict`).toEqual(verdict);
      expect(quantity, `${id}: diagnosis vs verdict`).toBe(verdict?.quantity ?? null);
      // The run has an end: its flag, or its Steps.
      if (report) expect(end, id).toEqual({ step: report.step, why: 'flagged' });
      else expect(end, id).toEqual({ step: steps, why: 'done' });
      // cpu's figure beside this backend's, where they differ, with the cause measured on this backend.
      if (differs) {
        await expect(lesson.referenceLine(), id).toContainText(ref ? `at step ${ref.step}` : 'no NaN or Inf');
        await expect(lesson.referenceLine(), id).toContainText(
          new RegExp(`Measured on ${backend} when it started: |No edge case measured on ${backend} differs`),
        );
      } else await expect(lesson.referenceLine(), id).toHaveCount(0);
    }
    console.log(
      `preset                           backend verdict                        chart line                     diagnosis          cpu (CLI)                      end\n${rows.join('\n')}`,
    );
  });
}
