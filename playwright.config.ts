import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './e2e/chromium';

// PLAYWRIGHT_PORT lets two checkouts on one machine each serve their own build.
const PORT = Number(process.env.PLAYWRIGHT_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1, // two cores: the SwiftShader GPU already uses both
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    // The app's service worker precaches ~6 MB on a first visit; only the offline tests (which open
    // contexts of their own that allow it) need it, and every other test stays as a first load.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: systemChromium(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The built app (npm test builds first), served exactly as a static host would.
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
