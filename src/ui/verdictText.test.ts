import { describe, expect, it } from 'vitest';
import type { PresetOutcome } from '../state/appState';
import { doneOutcome } from './testing/outcomeFixture';
import { verdictBadge } from './verdictText';

const outcome = (o: Partial<PresetOutcome>): PresetOutcome => doneOutcome({ presetId: 'p', verdict: null, text: '', steps: 1, finalLoss: 1, ...o });

describe('verdictBadge', () => {
  it('says what the computed outcome says, beside the claim', () => {
    expect(verdictBadge(outcome({ verdict: 'holds', text: 'the claim holds' }))).toEqual({ kind: 'holds', text: 'holds' });
    expect(verdictBadge(outcome({ verdict: 'doesNotHold', text: 'it does not hold in float32' }))).toEqual({
      kind: 'doesNotHold',
      text: 'does not hold in float32',
    });
    expect(verdictBadge(outcome({ verdict: 'holdsOnlyWith', text: 'it holds only with learning rate 1.3' }))).toEqual({
      kind: 'holdsOnlyWith',
      text: 'holds only with learning rate 1.3',
    });
    expect(verdictBadge(outcome({ verdict: 'holdsForAnotherReason', text: 'it holds, for another reason: the article puts it in the loss, and …' }))).toEqual({
      kind: 'holdsForAnotherReason',
      text: 'holds, for another reason',
    });
    expect(verdictBadge(outcome({ verdict: 'holdsOnlyWith', text: 'it holds only with precision float16, for another reason: the article …' })).text).toBe(
      'holds only with precision float16, for another reason',
    );
  });

  it('while it is computed, and when it could not be', () => {
    expect(verdictBadge(undefined)).toEqual({ kind: 'running', text: 'checking…' });
    expect(verdictBadge(outcome({ status: 'running' }))).toEqual({ kind: 'running', text: 'checking…' });
    expect(verdictBadge(outcome({ status: 'error', message: 'gone' }))).toEqual({ kind: 'error', text: 'could not check' });
  });
});
