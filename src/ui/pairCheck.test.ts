import { describe, expect, it } from 'vitest';
import type { PresetOutcome } from '../state/appState';
import { doneOutcome } from './testing/outcomeFixture';
import { pairCheck } from './pairCheck';

const outcome = (o: Partial<PresetOutcome>): PresetOutcome => doneOutcome({ steps: 100, finalLoss: 0.5, presetId: 'p', ...o });

describe('pairCheck: is the fix tested against the break?', () => {
  it('a broken partner that never breaks: the fix holds where nothing broke', () => {
    expect(pairCheck(outcome({ verdict: 'doesNotHold' }), null)?.kind).toBe('nothing-broke');
  });

  it('a partner that breaks only with a setting: the fix with that setting, as computed', () => {
    const partner = outcome({ verdict: 'holdsOnlyWith', variant: { setting: 'learning rate 1.3', scenario: {} as never } });
    expect(pairCheck(partner, outcome({ status: 'running' }))).toBeNull();
    const fails = outcome({
      verdict: 'doesNotHold',
      text: 'it does not hold in float32',
      firstNonFinite: { step: 96, quantity: 'loss/elements', kind: '+Inf', phase: 'loss' },
    });
    expect(pairCheck(partner, fails)).toEqual({
      kind: 'at-break',
      verdict: 'doesNotHold',
      text: 'The broken version breaks only with learning rate 1.3; this fix with that setting too: it does not hold in float32 (+Inf first in loss/elements at step 96).',
    });
  });

  it('a partner that breaks as written, or not known yet: nothing to add', () => {
    expect(pairCheck(outcome({ verdict: 'holds' }), null)).toBeNull();
    expect(pairCheck(undefined, null)).toBeNull();
    expect(pairCheck(outcome({ status: 'running' }), null)).toBeNull();
  });
});
