import { describe, expect, it } from 'vitest';
import type { NonFiniteReport } from '../engine/records';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { decidePlay } from './playPolicy';

const base = { error: null, report: null, scenario: { ...DEFAULT_SCENARIO, steps: 50 }, continued: false, refusal: null };
const report = { step: 3, kind: '+Inf', quantity: 'loss/elements', phase: 'loss' } as NonFiniteReport;

describe('decidePlay', () => {
  it('plays up to Steps, and at Steps says the run is complete', () => {
    expect(decidePlay(base, 0)).toEqual({ play: { stopAt: 50 } });
    expect(decidePlay(base, 49)).toEqual({ play: { stopAt: 50 } });
    expect(decidePlay(base, 50)).toEqual({ notice: 'The run is complete at step 50 (Steps: 50). Continue trains on; Reset starts again.' });
  });

  it('after Continue, plays on with no end', () => {
    expect(decidePlay({ ...base, continued: true }, 80)).toEqual({ play: {} });
  });

  it('on a run paused at its flag, says why instead of doing nothing', () => {
    expect(decidePlay({ ...base, report }, 3)).toEqual({
      notice: 'Paused at step 3, the first non-finite value (+Inf in loss/elements). Step past it, keep going, or reset.',
    });
    expect(decidePlay({ ...base, report, scenario: { ...base.scenario, continueOnFlag: true } }, 3)).toEqual({ play: { stopAt: 50 } });
  });

  it('does nothing while a worker error is shown', () => {
    expect(decidePlay({ ...base, error: 'boom' }, 0)).toBeNull();
  });

  it('on a scenario refused before it was built, says why instead of asking the worker for nothing', () => {
    const refusal = { message: 'this run needs ≈ 5.5 GB; the budget here is 3.4 GB: lower Batch size (to 32768 fits)', fields: ['Batch size'], smaller: null };
    expect(decidePlay({ ...base, refusal }, 0)).toEqual({
      notice: 'This scenario was not started: this run needs ≈ 5.5 GB; the budget here is 3.4 GB: lower Batch size (to 32768 fits).',
    });
  });
});
