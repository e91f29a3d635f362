import { describe, expect, it } from 'vitest';
import { doneOutcome } from './testing/outcomeFixture';
import { lessonVerdict } from './lessonVerdict';

const done = doneOutcome;
const flag = (step: number, quantity: string, kind = '+Inf') => ({ step, quantity, kind, phase: 'loss' });

describe('lessonVerdict: one truth per screen', () => {
  it('on cpu as written the reference is the run on screen', () => {
    const v = lessonVerdict({ reference: done({ firstNonFinite: flag(36, 'loss/elements') }), watched: null, quirks: [], edited: false });
    expect(v).toMatchObject({ status: 'done', verdict: 'holds', where: 'on cpu', event: '+Inf first in loss/elements at step 36', reference: null });
  });

  it('on wasm the verdict is wasm’s, and a different step on cpu is shown with both figures and the measured cause', () => {
    const v = lessonVerdict({
      reference: done({ firstNonFinite: flag(36, 'loss/elements') }),
      watched: done({ backend: 'wasm', firstNonFinite: flag(33, 'loss/value') }),
      quirks: ['mean(3e38, 3e38) = +Inf here (cpu, IEEE float32: 3e38)'],
      edited: false,
    });
    expect(v.where).toBe('on wasm, the run you watch');
    expect(v.event).toBe('+Inf first in loss/value at step 33');
    expect(v.firstNonFinite).toEqual(flag(33, 'loss/value'));
    expect(v.reference).toBe(
      'On cpu, the reference the command line uses, the same run shows: +Inf first in loss/elements at step 36. Measured on wasm when it started: mean(3e38, 3e38) = +Inf here (cpu, IEEE float32: 3e38). A long run meets such a case sooner or later.',
    );
  });

  it('the same event on both backends needs no second figure; without a measured quirk the cause is rounding', () => {
    const same = lessonVerdict({
      reference: done({ firstNonFinite: flag(3, 'loss/value', '-Inf') }),
      watched: done({ backend: 'webgl', firstNonFinite: flag(3, 'loss/value', '-Inf') }),
      quirks: [],
      edited: false,
    });
    expect(same.reference).toBeNull();
    expect(same.event).toBe('−Inf first in loss/value at step 3');
    const other = lessonVerdict({ reference: done({}), watched: done({ backend: 'webgl', firstNonFinite: flag(40, 'gradNorm') }), quirks: [], edited: false });
    expect(other.reference).toMatch(
      /^On cpu, the reference the command line uses, the same run shows: no NaN or Inf in 50 steps; final loss 0.25\. No edge case measured on webgl differs from cpu/,
    );
  });

  it('an edited lesson gets the verdict of the edit, the lesson as written beside it, and no search line', () => {
    const v = lessonVerdict({
      reference: done({
        verdict: 'holdsOnlyWith',
        text: 'it holds only with learning rate 1.3',
        variant: { setting: 'learning rate 1.3', scenario: {} as never },
      }),
      watched: done({ verdict: 'doesNotHold', text: 'it does not hold in float32', steps: 1 }),
      quirks: [],
      edited: true,
    });
    expect(v).toMatchObject({ verdict: 'doesNotHold', event: 'no NaN or Inf in 1 step; final loss 0.25', search: null });
    expect(v.asWritten).toBe('The lesson as written, on cpu: it holds only with learning rate 1.3 (no NaN or Inf in 50 steps; final loss 0.25).');
    const asWritten = lessonVerdict({
      reference: done({ verdict: 'holdsOnlyWith', variant: { setting: 'learning rate 1.3', scenario: {} as never } }),
      watched: null,
      quirks: [],
      edited: false,
    });
    expect(asWritten.search).toBe('it would hold with learning rate 1.3');
  });

  it('waits for the run on screen, and says when it could not be checked', () => {
    expect(lessonVerdict({ reference: done({}), watched: done({ status: 'running' }), quirks: [], edited: false }).status).toBe('running');
    expect(lessonVerdict({ reference: null, watched: null, quirks: [], edited: false }).status).toBe('running');
    expect(lessonVerdict({ reference: done({ status: 'error', message: 'gone' }), watched: null, quirks: [], edited: false })).toMatchObject({
      status: 'error',
      message: 'gone',
    });
  });
});
