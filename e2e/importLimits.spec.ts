// Run files that used to freeze the page on import: 200,000 keys (tasks of 3.3 s, 12 s to render),
// one 40 MB value (one task of 6 s), and a long valid run. The file is read and checked in a
// worker and drawn a slice per frame: no main-thread task over 50 ms, and each import ends in a
// clean import or a clear refusal. A file of a newer version is refused with its version named.
import { writeFile } from 'node:fs/promises';
import { stepRecord } from '../src/engine/testing/stepRecord';
import { runToJson } from '../src/state/runFile';
import { DEFAULT_SCENARIO } from '../src/engine/scenario';
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

const runFile = (over: Record<string, unknown>): string => JSON.stringify({ format: 'nan-playground-run', version: 2, scenario: {}, records: [], ...over });

async function importWatched(app: PlaygroundPage, path: string): Promise<{ notice: string; longTasks: number[] }> {
  await app.watchLongTasks();
  await app.importRunFile(path);
  // locator.waitFor, not a polling expect: each failed poll of an expect has Playwright build an aria
  // snapshot of the page on its main thread (over 50 ms on a slow machine), a long task of the test's own.
  await app.notice.filter({ hasText: /Imported |Could not import / }).waitFor({ timeout: 60_000 });
  // A few frames more: the records are drawn a slice per frame after the notice.
  await app.page.waitForTimeout(1500);
  return { notice: (await app.notice.textContent()) ?? '', longTasks: await app.longTasks() };
}

test('a 200,000-key file imports cleanly: its scenario loads, 50 keys are listed and the rest counted, no long task', async ({ page, pageLog }, info) => {
  const path = info.outputPath('keys.json');
  const scenario = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`key${i}`, i]));
  await writeFile(path, runFile({ scenario: { ...scenario, lr: 0.05 } }));
  const app = new PlaygroundPage(page);
  await app.open('be=cpu');
  const { notice, longTasks } = await importWatched(app, path);
  console.log(`200,000 keys: long tasks ${JSON.stringify(longTasks)}; ${notice.slice(0, 160)}…`);
  expect(longTasks).toEqual([]);
  expect(notice).toContain('Imported keys.json: its scenario is loaded');
  await expect(page.getByTestId('rejected-keys')).toContainText('199,950 more ignored keys not listed');
  expect(await page.getByTestId('rejected-keys').locator('.rejected').count()).toBe(51);
  expect((await app.state()).scenario.lr).toBe(0.05);
  expect(pageLog.errors).toEqual([]);
});

test('a 40 MB file imports cleanly: the huge value is refused, shown cut short, no long task', async ({ page, pageLog }, info) => {
  const path = info.outputPath('huge.json');
  await writeFile(path, runFile({ scenario: { lr: 0.05, model: 'x'.repeat(40_000_000) } }));
  const app = new PlaygroundPage(page);
  await app.open('be=cpu');
  const { notice, longTasks } = await importWatched(app, path);
  console.log(`40 MB: long tasks ${JSON.stringify(longTasks)}; ${notice.slice(0, 200)}`);
  expect(longTasks).toEqual([]);
  expect(notice).toContain('Imported huge.json: its scenario is loaded');
  await expect(page.getByTestId('rejected-keys')).toContainText('(40000002 characters)');
  expect((await app.state()).scenario).toEqual({ ...DEFAULT_SCENARIO, lr: 0.05 });
  expect(pageLog.errors).toEqual([]);
});

test('@perf a long valid run (60,000 records) is drawn whole, a slice per frame, with no long task', async ({ page, pageLog }, info) => {
  const path = info.outputPath('long.json');
  const names = ['dense1/kernel', 'dense1/bias', 'dense2/kernel', 'dense2/bias'];
  const norms = Object.fromEntries(names.map((n) => [n, 0.5]));
  const records = Array.from({ length: 60_000 }, (_, i) => stepRecord(i + 1, { gradNorms: norms, weightNorms: norms, updateRatios: norms }));
  const steps = { total: records.length, kept: records.length, ranges: [[1, records.length]] as [number, number][], reason: null };
  // The page's own backend: the import alone is measured, without a model rebuild beside it.
  await writeFile(path, runToJson({ ...DEFAULT_SCENARIO, lr: 0.02, backend: 'cpu' }, { records, steps }, null));
  const app = new PlaygroundPage(page);
  await app.open('be=cpu');
  const { notice, longTasks } = await importWatched(app, path);
  console.log(`60,000 records: long tasks ${JSON.stringify(longTasks)}; ${notice}`);
  expect(notice).toContain('its 60000 steps are drawn as "file: long.json"');
  expect(longTasks).toEqual([]);
  await expect(app.runToggle('import-1')).toBeChecked();
  expect(pageLog.errors).toEqual([]);
});

test('a file of version 999 is refused with its version named, and nothing of it is loaded', async ({ page, pageLog }, info) => {
  const path = info.outputPath('future.json');
  await writeFile(path, JSON.stringify({ format: 'nan-playground-run', version: 999, scenario: { lr: 0.05 }, records: [] }));
  const app = new PlaygroundPage(page);
  await app.open('be=cpu');
  await app.importRunFile(path);
  await expect(app.notice).toContainText(
    'Could not import future.json: this file is version 999; this playground reads up to version 2 (a newer playground wrote it: open it there)',
  );
  expect((await app.state()).scenario.lr).toBe(DEFAULT_SCENARIO.lr);
  expect(pageLog.errors).toEqual([]);
});
