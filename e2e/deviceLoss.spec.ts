// A WebGPU device lost in the middle of a run (destroyed from a test hook, as a driver reset or
// the browser reclaiming the GPU would): the run goes on on wasm from its last checkpoint, says so,
// and no finished step is lost or counted twice.
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('a lost WebGPU device: the run continues on wasm from its last snapshot, with a notice', async ({ page, pageLog }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=webgpu&steps=100000&speed=5');
  expect((await app.state()).backend?.active).toBe('webgpu');
  await app.play();
  await app.waitForStep(40);
  await app.loseDevice();
  await expect(app.notice).toContainText(/WebGPU device lost; continuing on wasm from step \d+/, { timeout: 30_000 });
  const notice = (await app.notice.textContent()) ?? '';
  const from = Number(/continuing on wasm from step (\d+)/.exec(notice)![1]);
  console.log(`notice: ${/WebGPU device lost[^.]*\./.exec(notice)?.[0]}`);
  await expect(app.backendIndicator).toContainText('wasm');
  await expect(app.backendIndicator).toContainText('the WebGPU device was lost');
  expect((await app.state()).running).toBe(true);
  await app.waitForStep(from + 50);
  await app.pause();
  const s = await app.state();
  expect(s.backend?.active).toBe('wasm');
  // One record per step: none missing and none twice across the move.
  expect([await app.step(), s.records, s.losses.length]).toEqual([s.step, s.step, s.step]);
  expect(s.losses.every(Number.isFinite)).toBe(true);
  await expect(app.workerError()).toHaveCount(0);
  expect(pageLog.errors).toEqual([]);
});
