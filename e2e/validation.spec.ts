// Validation beside training: where a scenario holds rows out, the loss chart draws the held-out
// loss as a second line, the hover reads its value, and the exports keep it.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('the TensorFlow Playground lesson draws a validation line whose hover value is the recorded held-out loss, and the exports keep it', async ({
  page,
  pageLog,
}) => {
  const app = new PlaygroundPage(page);
  await app.openPreset('playground-circle');
  await app.trainSteps(300);
  const { validation, backend } = await app.state();
  console.log(`playground-circle on ${backend?.active ?? '?'}: ${validation.length} held-out losses, the first ${JSON.stringify(validation.slice(0, 3))}`);
  expect(validation[0]![0]).toBe(1);
  expect(validation.slice(1, 4).map(([step]) => step)).toEqual([10, 20, 30]);
  await expect(app.validationLines()).toHaveCount(1);
  await expect(app.validationLines()).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){20,}/);
  await expect(page.getByTestId('loss-key-validation')).toHaveText(/training.*validation/);

  const hover = await app.hoverLoss(0.5);
  const line = hover.lines.find((l) => l.kind === 'validation')!;
  const measured = Number(/\(step (\d+)\)$/.exec(line.text)?.[1] ?? hover.step);
  const recorded = validation.find(([step]) => step === measured);
  console.log(`hover at step ${hover.step}: "${line.text}"`);
  expect(recorded, `step ${measured} measured a held-out loss`).toBeDefined();
  expect(Number.isFinite(Number(line.value))).toBe(true);
  expect(Number(line.value)).toBe(recorded![1]);
  expect(Math.abs(measured - hover.step)).toBeLessThanOrEqual(5);

  const exported = JSON.parse(await readFile(await (await app.download('export-json')).path(), 'utf8')) as {
    records: { step: number; heldOutLoss?: number }[];
  };
  const kept = exported.records.flatMap((r) => (r.heldOutLoss === undefined ? [] : [[r.step, r.heldOutLoss]]));
  expect(kept).toEqual(validation);
  const csv = await readFile(await (await app.download('export-csv')).path(), 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^step,loss,heldOutLoss,gradNorm,/);
  expect(pageLog.errors).toEqual([]);
});
