// Shared Playwright fixtures: every test records the page's requests and its uncaught errors, so
// any test can assert that nothing left 127.0.0.1 and that the page did not throw; and every page
// asks for the app's test hooks (window.__nanPlayground), which a user's page does not install.
import { test as base, expect } from '@playwright/test';
import { enableTestHooks } from './pages/PlaygroundPage';

export interface PageLog {
  requests: string[];
  errors: string[];
}

export const test = base.extend<{ pageLog: PageLog }>({
  page: async ({ page }, use) => {
    await enableTestHooks(page);
    await use(page);
  },
  pageLog: async ({ page }, use) => {
    const log: PageLog = { requests: [], errors: [] };
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('pageerror', (e) => log.errors.push(e.message));
    await use(log);
  },
});

/** Requests whose host is not this machine's loopback (data: and blob: URLs stay in the page). */
export function offOriginRequests(urls: string[]): string[] {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    const host = new URL(u).hostname;
    return host !== '127.0.0.1';
  });
}

export { expect };
