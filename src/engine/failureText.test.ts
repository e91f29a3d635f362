import { describe, expect, it } from 'vitest';
import { describeFailure, failureKind } from './failureText';
import { DEFAULT_SCENARIO } from './scenario';
import { UNET_128, WIDE_MLP } from './testing/oversized';

const TEXTURE = 'Requested texture size [8689x8689] greater than WebGL maximum on this browser / GPU [8192x8192].';

describe('failureKind', () => {
  it.each([
    [new RangeError('Array buffer allocation failed'), 'memory'],
    [new RangeError('Invalid typed array length: 4294967296'), 'memory'],
    [new Error('Aborted(). Build with -sASSERTIONS for more info.'), 'wasmAbort'],
    [new Error('RuntimeError: memory access out of bounds'), 'wasmAbort'],
    [new Error(TEXTURE), 'texture'],
    [new Error('Device is lost'), 'deviceLost'],
    [new Error('WebGL context lost.'), 'contextLost'],
    [new Error('Error in matMul: inner shapes (3) and (4) of Tensors with shapes 2,3 and 4,5 must match'), 'kernel'],
    ['a thrown string', 'kernel'],
  ])('%s is %s', (error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });
});

describe('describeFailure', () => {
  it('an allocation failure: the estimate and the fields to lower, in a sentence', () => {
    const text = describeFailure(new RangeError('Array buffer allocation failed'), { scenario: WIDE_MLP, backend: 'cpu', step: null });
    expect(text).toBe(
      'this run needs more memory than the cpu backend could get while building the model (this run needs ≈ 5.5 GB): lower Batch size or Samples (tfjs said: "Array buffer allocation failed")',
    );
  });

  it("a wasm abort: the run's tensors against the heap", () => {
    const text = describeFailure(new Error('Aborted(). Build with -sASSERTIONS for more info.'), { scenario: WIDE_MLP, backend: 'wasm', step: 1 });
    expect(text).toContain(
      'the wasm backend aborted in step 1, which it does when its memory runs out (this run needs ≈ 5.2 GB of tensors; its heap holds at most 4 GiB)',
    );
    expect(text).toContain(': lower Batch size or Samples, or choose the cpu backend');
  });

  it("a texture past WebGL's maximum: both sizes, the fields, and the backends that have no textures", () => {
    const text = describeFailure(new Error(TEXTURE), { scenario: UNET_128, backend: 'webgl', step: 1 });
    expect(text.startsWith('WebGL cannot hold a tensor this large in step 1 (a texture of 8689×8689; this GPU allows 8192×8192): lower ')).toBe(true);
    expect(text).toContain(', or choose the wasm or cpu backend (tfjs said: "Requested texture size');
  });

  it('any other kernel error: where, what to do, and the first line of what tfjs said (no stack)', () => {
    const e = new Error('Error in conv2d: depth mismatch\n    at conv2d (tfjs.js:1:2)\n    at step (trainer.ts:3:4)');
    const text = describeFailure(e, { scenario: DEFAULT_SCENARIO, backend: 'webgl', step: 12 });
    expect(text).toBe(
      'a tfjs operation failed on the webgl backend in step 12: press Reset to start again; if it happens again, choose the wasm or cpu backend (tfjs said: "Error in conv2d: depth mismatch")',
    );
    expect(text).not.toContain(' at ');
  });

  it('without a scenario or backend (a failure before either was known) it still reads as a sentence', () => {
    const text = describeFailure(new RangeError('Array buffer allocation failed'), { scenario: null, backend: null, step: null });
    expect(text).toBe(
      'this run needs more memory than the active backend could get while building the model: use a smaller scenario (tfjs said: "Array buffer allocation failed")',
    );
  });

  it('cuts a long engine message to one short line', () => {
    const text = describeFailure(new Error('x'.repeat(1000)), { scenario: null, backend: 'cpu', step: 3 });
    expect(text.length).toBeLessThan(320);
    expect(text).toContain('…")');
  });
});
