// A browser without WebGPU (no --enable-unsafe-webgpu): asking for it must fall back visibly.
import { expect, test } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';
import { CHROMIUM_ARGS, systemChromium } from './chromium';

test.use({ launchOptions: { executablePath: systemChromium(), args: CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu') } });

test('asking for webgpu falls back with a visible note', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=webgpu');
  const s = await app.state();
  console.log(`webgpu without the flag: active ${s.backend?.active}, reason: ${s.backend?.reason}`);
  expect(s.backend?.active).not.toBe('webgpu');
  expect(s.backend?.reason ?? '').toMatch(/webgpu/i);
  await expect(app.backendIndicator).toContainText(/webgpu/i);
  await app.trainSteps(5);
});
