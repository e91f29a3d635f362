// Where the browser for tests and benchmarks comes from, and the flags it needs headless.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

/**
 * A system Chromium when there is one (CHROMIUM_PATH, then /usr/bin/chromium, then chromium-browser on
 * the PATH); undefined lets Playwright use its own downloaded browser.
 */
export function systemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const found = execSync('command -v chromium-browser', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu', // WebGPU headless (SwiftShader adapter where there is no GPU)
  '--no-sandbox', // CI runs as root
  '--disable-background-networking', // no calls home from a closed network
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
