/** A computed outcome for the UI's tests: done, the claim holding, no event, unless `o` says otherwise. */
import type { PresetOutcome } from '../../state/appState';

export function doneOutcome(o: Partial<PresetOutcome> = {}): PresetOutcome {
  return {
    presetId: 'optimizer-high-lr',
    status: 'done',
    message: null,
    backend: 'cpu',
    verdict: 'holds',
    text: 'the claim holds',
    observed: '',
    steps: 50,
    firstNonFinite: null,
    finalLoss: 0.25,
    trials: [],
    variant: null,
    ...o,
  };
}
