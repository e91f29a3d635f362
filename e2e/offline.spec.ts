// Offline after one visit: the service worker precaches the build on the first load, so with the network
// gone the playground still loads and trains, on wasm (its .wasm binaries come from the cache too) and on cpu,
// at the site root and under a sub-path; a later deployment waits until the user asks for it.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Response } from '@playwright/test';
import { expect, offOriginRequests, test } from './fixtures';
import { enableTestHooks, PlaygroundPage } from './pages/PlaygroundPage';
import { serveUnderSubPath } from './staticServer';

/** The service worker's own scripts and the benchmark page, which the precache leaves out on purpose. */
const NOT_PRECACHED = /^(lab\.html|assets\/lab-[^/]*\.js|sw\.js|workbox-[^/]*\.js)$/;

interface Visit {
  page: Page;
  app: PlaygroundPage;
  /** Context-wide, so the service worker's own fetches (the precache) are recorded as well as the page's. */
  requests: string[];
  failed: string[];
  errors: string[];
}

/** The first visit to `url` and a reload, after which the service worker is active and controls the page. */
async function visitOnce(context: BrowserContext, url: string, backend: string): Promise<Visit> {
  const page = await context.newPage();
  const visit: Visit = { page, app: new PlaygroundPage(page), requests: [], failed: [], errors: [] };
  context.on('request', (r) => visit.requests.push(r.url()));
  context.on('requestfailed', (r) => visit.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
  await enableTestHooks(visit.page);
  visit.page.on('pageerror', (e) => visit.errors.push(e.message));
  const active = async (): Promise<string | null> => (await visit.app.state()).backend?.active ?? null;
  await visit.page.goto(url);
  await expect.poll(active, { timeout: 60_000 }).toBe(backend);
  // Installing precaches everything; a worker controls only the pages loaded after it activated, hence the reload.
  await expect.poll(() => visit.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null)).toBe('activated');
  await visit.page.reload();
  await expect.poll(() => visit.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Settled before going offline: leaving a page that is still fetching its worker would abort that fetch.
  await expect.poll(active, { timeout: 60_000 }).toBe(backend);
  return visit;
}

/** The paths (relative to the scope) in the page's Cache Storage. */
async function cachedPaths(page: Page, scope: string): Promise<string[]> {
  const urls = await page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) out.push(r.url.split('?')[0]!);
    return out;
  });
  return urls.map((u) => u.slice(scope.length)).sort();
}

/** A request that can reach a network: the workers' blob: bootstraps (src/app/workerFactory.ts) are in memory. */
const overNetwork = (url: string): boolean => !url.startsWith('blob:');

/** Every file under dist/, as a path relative to it, sorted. */
function builtFiles(): string[] {
  return readdirSync('dist', { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath.replace(/^dist\/?/, '')}/${e.name}`.replace(/^\//, ''))
    .sort();
}

test('after one visit the app loads and trains offline on wasm and cpu', async ({ browser, baseURL }) => {
  // A context of its own: the service worker it registers goes with it and never controls another test's page.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'allow' });
  try {
    const { page, app, requests, failed, errors } = await visitOnce(context, './?be=wasm', 'wasm');
    // The whole build, not only what this visit fetched (the other wasm variants, the outcome worker).
    expect(await cachedPaths(page, baseURL!)).toEqual(builtFiles().filter((f) => !NOT_PRECACHED.test(f)));

    await context.setOffline(true);
    const offline: Response[] = [];
    page.on('response', (r) => offline.push(r));
    for (const backend of ['wasm', 'cpu'] as const) {
      await app.open(`be=${backend}`);
      const steps = await app.trainSteps(50);
      const s = await app.state();
      console.log(`offline ${backend}: ${steps} steps, loss ${s.losses[0]} → ${s.losses[49]}`);
      expect(steps).toBeGreaterThanOrEqual(50);
      expect(s.backend?.active, s.backend?.reason ?? '').toBe(backend);
      expect(Number.isFinite(s.losses[49])).toBe(true);
    }

    const urls = offline.map((r) => r.url());
    console.log(`offline responses: ${offline.length} (${urls.filter((u) => u.endsWith('.wasm')).length} .wasm), requests in all: ${requests.length}`);
    expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(
      offline
        .filter((r) => !r.fromServiceWorker())
        .map((r) => r.url())
        .filter(overNetwork),
    ).toEqual([]);
    expect(failed.filter(overNetwork)).toEqual([]);
    expect(offOriginRequests(requests)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('under a sub-path the service worker is scoped to it and the app trains offline there', async ({ browser }) => {
  const site = await serveUnderSubPath(resolve('dist'), '/courses/nan/');
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const { page, app, requests, failed, errors } = await visitOnce(context, `${site.url}?be=cpu`, 'cpu');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(site.url);
    expect(await cachedPaths(page, site.url)).toContain('index.html');

    await context.setOffline(true);
    await page.goto(`${site.url}?be=cpu&lr=0.05`);
    await expect.poll(async () => (await app.state()).backend?.active ?? null, { timeout: 60_000 }).toBe('cpu');
    expect(await app.trainSteps(10)).toBeGreaterThanOrEqual(10);
    expect(requests.filter((u) => !u.startsWith(site.url)).filter(overNetwork)).toEqual([]);
    expect(failed.filter(overNetwork)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await site.close();
  }
});

test('a new deployment waits for "Reload" in the notice, which switches to it', async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), 'nan-site-'));
  cpSync(resolve('dist'), root, { recursive: true });
  const site = await serveUnderSubPath(root, '/app/');
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const { page, errors } = await visitOnce(context, `${site.url}?be=cpu`, 'cpu');
    const notice = page.getByTestId('update-notice');
    // Deploy: any byte that differs in sw.js makes the browser install it on the next navigation.
    appendFileSync(join(root, 'sw.js'), '\n// the next build\n');
    await page.goto(`${site.url}?be=cpu`);
    await expect(notice).toContainText('A new version is ready');
    const waiting = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null);
    expect(await waiting()).toBe(true);

    await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    // The new worker takes over and the page reloads itself: a fresh window, no notice, nothing left waiting.
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), notice.getByRole('button', { name: 'Reload' }).click()]);
    expect(await page.evaluate(() => 'beforeReload' in window)).toBe(false);
    await expect.poll(waiting).toBe(false);
    await expect(notice).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await site.close();
    rmSync(root, { recursive: true, force: true });
  }
});
