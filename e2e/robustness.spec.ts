// Soak, fuzz and fault tests of the running app (measured, not assumed).
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { fuzzQueries, XSS_FLAG } from './queryFuzz';
import { readLocation } from '../src/state/urlSync';

test.describe('URL fuzz', () => {
  test('1,000 hostile query strings: no uncaught error, payloads stay text, every rejected key named', async ({ page, pageLog }) => {
    test.setTimeout(300_000);
    const app = new PlaygroundPage(page);
    await app.open('be=cpu');
    const queries = fuzzQueries(1000);
    const mismatches: string[] = [];
    let rejectedTotal = 0;
    for (const [i, q] of queries.entries()) {
      const expected = readLocation(q).rejected.map((r) => r.key);
      rejectedTotal += expected.length;
      const seen = await page.evaluate((query) => {
        history.pushState(null, '', `?${query}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
        return window.__nanPlayground!.getState().rejected.map((r) => r.key);
      }, q);
      if (JSON.stringify(seen) !== JSON.stringify(expected)) mismatches.push(`${q} → ${JSON.stringify(seen)} vs ${JSON.stringify(expected)}`);
      if (i % 100 === 0 && expected.length > 0) {
        // The notice renders what was ignored, as text.
        for (const key of new Set(expected)) await expect(app.notice).toContainText(key === '' ? /ignored/i : key.slice(0, 20));
      }
    }
    console.log(`fuzz: ${queries.length} queries, ${rejectedTotal} rejected keys, ${mismatches.length} mismatches, ${pageLog.errors.length} page errors`);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], XSS_FLAG)).toBeUndefined();
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    // A payload is shown literally.
    await page.evaluate(() => {
      history.pushState(null, '', `?act=${encodeURIComponent('"><img src=x onerror="alert(1)">')}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(app.notice).toContainText('<img src=x');
    expect(pageLog.errors).toEqual([]);
    // Still alive: a valid link trains.
    await app.open('be=cpu');
    await app.trainSteps(5);
    expect(Number.isFinite((await app.state()).losses[4])).toBe(true);
  });

  test('25 hostile links as first page loads', async ({ page, pageLog }) => {
    test.setTimeout(300_000);
    const app = new PlaygroundPage(page);
    for (const q of fuzzQueries(25, 7)) {
      await app.open(q);
      const rejected = (await app.state()).rejected.map((r) => r.key);
      expect(rejected).toEqual(readLocation(q).rejected.map((r) => r.key));
    }
    expect(pageLog.errors).toEqual([]);
  });
});

test.describe('faults', () => {
  test('a worker that throws: the error is shown and Reset recovers', async ({ page }) => {
    let served = 0;
    await page.route('**/training.worker*.js', async (route) => {
      served += 1;
      if (served === 1) await route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("injected worker fault");' });
      else await route.continue();
    });
    await page.goto('./?be=cpu');
    const app = new PlaygroundPage(page);
    await expect(page.getByTestId('worker-error')).toBeVisible({ timeout: 30_000 });
    await app.resetButton.click();
    await expect.poll(async () => (await app.state()).backend?.active ?? null, { timeout: 60_000 }).toBe('cpu');
    await app.trainSteps(5);
    expect(Number.isFinite((await app.state()).losses[4])).toBe(true);
    await expect(page.getByTestId('worker-error')).toHaveCount(0);
  });

  test('Reset after a NaN run trains with finite losses again', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.open('preset=unscaled-features-sgd&be=cpu');
    await app.play();
    await expect.poll(async () => (await app.state()).report?.step ?? null, { timeout: 60_000 }).toBe(3);
    await app.resetButton.click();
    await expect.poll(async () => (await app.state()).step).toBe(0);
    expect((await app.state()).report).toBeNull();
    await app.stepButton.click();
    await expect.poll(async () => (await app.state()).losses.length).toBe(1);
    expect(Number.isFinite((await app.state()).losses[0])).toBe(true);
  });

  test('structural changes during play leak no tensors in the worker', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new PlaygroundPage(page);
    // Past step 40 the trainer holds its full set of sentinel snapshots (two, every 20 steps).
    const settle = async (): Promise<number> => {
      await app.waitForStep(45);
      await app.pause();
      return app.tensorCount();
    };
    // Steps well past what the test trains: at 300 steps/s a run of 200 could end between a step seen and the
    // pause that follows it on a loaded machine, and Play then says "run complete" instead of playing.
    await app.open('be=cpu&speed=5&steps=5000');
    await app.play();
    const before = await settle();
    // Change the model's structure three times while it trains, then come back to the first one.
    for (const hidden of ['32,32', '4', '16']) {
      await app.play();
      await app.waitForStep(10);
      await app.setText('hidden', hidden);
      await expect.poll(async () => (await app.state()).scenario.hidden).toEqual(hidden.split(',').map(Number));
      await expect.poll(async () => (await app.state()).step).toBeLessThan(10); // rebuilt from step 0
    }
    await app.play();
    const after = await settle();
    console.log(`worker tensors with hidden=16 at step ≥ 45: ${before} before, ${after} after three structural changes during play`);
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
  });
});
