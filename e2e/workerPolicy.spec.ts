// The Content-Security-Policy inside the training worker: eval and a fetch from another origin are
// refused there as on the page (the worker starts from a blob: URL, so it inherits the page's
// policy whatever headers the host sends), and the wasm backend, which needs 'wasm-unsafe-eval',
// still trains.
import { formatNumber } from '../src/scenarios/codec';
import { FIELD_BY_KEY } from '../src/scenarios/schema';
import { test, expect } from './fixtures';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** The same server under another name: another origin that answers, so only a policy can refuse it. */
function otherOrigin(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.hostname = url.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return url.origin + '/';
}

test('in the training worker, eval and a cross-origin fetch are refused by the policy', async ({ page, pageLog }) => {
  const app = new PlaygroundPage(page);
  await app.open('be=wasm');
  const target = otherOrigin(page.url());
  const report = await page.evaluate(
    (url) =>
      (
        window as unknown as { __nanPlayground: { probeWorkerSandbox(u: string): Promise<{ eval: string; fetch: string }> } }
      ).__nanPlayground.probeWorkerSandbox(url),
    target,
  );
  console.log(`training worker: eval ${report.eval}; fetch ${target}: ${report.fetch}`);
  expect(report.eval).toMatch(/^refused \(EvalError: /);
  expect(report.fetch).toBe("refused by the policy's connect-src");
  expect(pageLog.requests.filter((u) => u.startsWith(target))).toEqual([]);
  // wasm still compiles and trains under the same policy.
  expect((await app.state()).backend?.active).toBe('wasm');
  await app.trainSteps(20);
  expect((await app.state()).losses.slice(0, 20).every(Number.isFinite)).toBe(true);
  expect(pageLog.errors).toEqual([]);
});

test("a learning rate past the schema's range names the field's own maximum, not 2^53", async ({ page, pageLog }) => {
  const lr = FIELD_BY_KEY.get('lr')!;
  const max = lr.type === 'number' || lr.type === 'integer' ? lr.range.max : NaN;
  // Ten times past the maximum, whatever the schema's maximum is, written as links write numbers.
  const past = formatNumber(max * 10);
  const app = new PlaygroundPage(page);
  await app.open(`lr=${past}`);
  expect((await app.state()).rejected).toEqual([{ key: 'lr', value: past, reason: `above the maximum ${formatNumber(max)}` }]);
  await expect(page.getByTestId('rejected-keys')).toContainText(`lr=${past} (above the maximum ${formatNumber(max)})`);
  await expect(page.getByTestId('rejected-keys')).not.toContainText('9007199254740991');
  expect((await app.state()).scenario.lr).toBe(lr.default);
  expect(pageLog.errors).toEqual([]);
});
