/**
 * What a fix's lesson says about its broken partner's break: the partner never breaks (so the fix is not tested
 * against a break), or it breaks only with a setting its search found and the fix was run with that setting too.
 * Pure: PairLine renders it.
 */
import type { PresetOutcome } from '../state/appState';
import { lessonVerdict } from './lessonVerdict';

export type PairCheck = { kind: 'nothing-broke'; text: string } | { kind: 'at-break'; verdict: string; text: string };

/** `partner`: the broken lesson's reference outcome; `atBreak`: the fix's outcome with the partner's breaking setting. */
export function pairCheck(partner: PresetOutcome | undefined, atBreak: PresetOutcome | null): PairCheck | null {
  if (partner?.status !== 'done') return null;
  if (partner.verdict === 'doesNotHold') {
    return {
      kind: 'nothing-broke',
      text: 'The broken version does not break in float32 as written (its claim does not hold), so this fix holds where nothing broke: it is not tested against a break here.',
    };
  }
  if (partner.verdict !== 'holdsOnlyWith' || !partner.variant) return null;
  const v = lessonVerdict({ reference: atBreak, watched: null, quirks: [], edited: false });
  if (v.status !== 'done') return null;
  return {
    kind: 'at-break',
    verdict: v.verdict,
    text: `The broken version breaks only with ${partner.variant.setting}; this fix with that setting too: ${v.text} (${v.event}).`,
  };
}
