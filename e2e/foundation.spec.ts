// The foundation's promises: the built app trains on every tfjs backend asked for by URL, makes no
// request that leaves this machine, and works from a sub-path.
import { resolve } from 'node:path';
import { expect, offOriginRequests, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { serveUnderSubPath } from './staticServer';

for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
  test(`trains 20 steps on ${backend}`, async ({ page, pageLog }) => {
    const app = new PlaygroundPage(page);
    await app.open(`be=${backend}`);
    await app.trainSteps(20);
    const s = await app.state();
    expect(s.backend?.active, s.backend?.reason ?? '').toBe(backend);
    await expect(app.backendIndicator).toContainText(backend);
    const [first, twentieth] = [s.losses[0]!, s.losses[19]!];
    console.log(`${backend}: loss at step 1 ${first}, at step 20 ${twentieth}`);
    expect(Number.isFinite(first) && Number.isFinite(twentieth)).toBe(true);
    expect(twentieth).toBeLessThan(first);
    expect(pageLog.errors).toEqual([]);
  });
}

test('no request leaves 127.0.0.1 during a page load and a training run', async ({ page, pageLog }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=wasm');
  await app.trainSteps(30);
  await app.open('be=webgl');
  await app.trainSteps(30);
  expect(pageLog.requests.length).toBeGreaterThan(3); // the log really records: html, js, wasm at least
  expect(pageLog.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  console.log(`requests recorded: ${pageLog.requests.length}, off-origin: ${offOriginRequests(pageLog.requests).length}`);
  expect(offOriginRequests(pageLog.requests)).toEqual([]);
});

test('the static build trains when served from a sub-path', async ({ page, pageLog }) => {
  const site = await serveUnderSubPath(resolve('dist'), '/courses/nan/');
  try {
    await page.goto(`${site.url}?be=cpu`);
    const app = new PlaygroundPage(page);
    await expect.poll(async () => (await app.state()).backend?.active ?? null, { timeout: 60_000 }).toBe('cpu');
    await app.trainSteps(10);
    const s = await app.state();
    expect(s.losses[9]!).toBeLessThan(s.losses[0]!);
    const outside = pageLog.requests.filter((u) => !u.startsWith(site.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
  } finally {
    await site.close();
  }
});
