// The sentinel's reference cases on every tfjs backend in headless Chromium. On each backend the
// fast path (one readback, replay on a flag) must give exactly the verdict of full checks on every step, leak nothing,
// and match the cpu verdict — or differ only where a pinned difference says so, with the backend's
// measured quirk that causes it (the same quirks the app shows next to a verdict).
import { expect, test } from './fixtures';
import { LabPage } from './pages/LabPage';
import { SENTINEL_CASES } from '../src/lab/sentinelCases';

type Backend = 'cpu' | 'wasm' | 'webgl' | 'webgpu';

/** Where a backend's first non-finite quantity differs from the cpu, and the measured quirk behind it. */
const DIFFERENCES: Record<Backend, Record<string, { verdict: string; cause: string }>> = {
  cpu: {},
  wasm: {},
  webgl: {
    // log(0) is about −88 here: y·log(p) stays finite; the first Inf is the gradient −y/p.
    'zero-log-zero': { verdict: '1 grad/predictions/values -Inf', cause: 'log0' },
    // 0/0 is 1 here: Adam's m̂/(√v̂+ε) with m = v = 0 gives no NaN, only the ±Inf of m/0.
    'fp16-adam-v': { verdict: '1 param/predictions/values -Inf', cause: 'zeroOverZero' },
  },
  webgpu: {
    'zero-log-zero': { verdict: '1 grad/predictions/values NaN', cause: 'log0' },
  },
};

const short = (r: { step: number; quantity: string; kind: string } | null | undefined): string => (r ? `${r.step} ${r.quantity} ${r.kind}` : 'none');

for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
  test(`sentinel cases on ${backend}`, async ({ page, pageLog }) => {
    const lab = new LabPage(page);
    await lab.open();
    const lines: string[] = [];
    for (const c of SENTINEL_CASES) {
      const status = await lab.init(backend, c.overrides.model ?? 'mlp');
      expect(status.active).toBe(backend);
      const fast = await lab.run(c.overrides, c.steps, 'fast');
      const full = await lab.run(c.overrides, c.steps, 'full');
      const diff = DIFFERENCES[backend][c.id];
      lines.push(`${c.id}: ${short(fast.report)}${diff ? ` (cpu: ${short(c.expected)}; cause: ${diff.cause})` : ''}`);
      expect(full.report, `${c.id}: replay vs full checks`).toEqual(fast.report);
      expect(fast.tensorsAfter - fast.tensorsBefore, `${c.id}: leaked tensors`).toBe(0);
      expect(short(fast.report), c.id).toBe(diff ? diff.verdict : short(c.expected));
      expect(fast.report?.phase).toBeDefined();
      if (diff)
        expect(
          status.quirks.map((q) => q.id),
          `${c.id}: the cause is measured on ${backend}`,
        ).toContain(diff.cause);
    }
    console.log(`${backend} (quirks: ${(await lab.quirks()).map((q) => q.id).join(', ') || 'none'}):\n  ${lines.join('\n  ')}`);
    expect(pageLog.errors).toEqual([]);
  });
}
