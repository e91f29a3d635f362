import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

/**
 * The browser for end-to-end tests: a system Chromium when there is one (CHROMIUM_PATH, then
 * /usr/bin/chromium, then chromium-browser on PATH), else Playwright's own downloaded browser.
 */
function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const found = execSync('command -v chromium-browser', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

const PORT = 4173;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1, // two cores: the SwiftShader GPU already uses both
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: systemChromium(),
      args: [
        '--enable-unsafe-webgpu', // WebGPU headless (SwiftShader adapter)
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
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
