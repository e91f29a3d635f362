/**
 * The pair as one lesson: the broken and the fixed run overlaid in one chart in one click, the partner one click
 * away, and, for a fix, whether it holds where the broken one breaks (a fix that holds only where nothing broke says
 * so). The check at the break is computed (state/outcomeQuestions.ts breakQuestion), never written in.
 */
import { presetById, presetScenario, type Preset } from '../scenarios/presets';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { pairCheck } from './pairCheck';

function BreakCheck({ fix, broken }: { fix: Preset; broken: Preset }) {
  const { store } = usePlayground();
  const partner = useStore(store, (s) => s.verdicts[broken.id]);
  const atBreak = useStore(store, (s) => (s.breakOutcome?.presetId === fix.id ? s.breakOutcome : null));
  const check = pairCheck(partner, atBreak);
  if (!check) return null;
  return (
    <p className="pair-check" data-testid="pair-check" data-check={check.kind} data-verdict={check.kind === 'at-break' ? check.verdict : ''}>
      {check.text}
    </p>
  );
}

export function PairLine({ preset }: { preset: Preset }) {
  const { actions } = usePlayground();
  const other = preset.pair ? presetById(preset.pair.other) : undefined;
  if (!preset.pair || !other) return null;
  const broken = preset.pair.role === 'broken';
  return (
    <div className="pair-line">
      {!broken && <BreakCheck fix={preset} broken={other} />}
      <button
        type="button"
        data-testid="pair-overlay"
        onClick={() => {
          actions.compareWith(presetScenario(other), `${broken ? 'the fix' : 'broken'}: ${other.title}`);
          actions.play();
        }}
      >
        Run both: {broken ? 'the fix' : 'the broken version'} drawn over this one
      </button>
      <button type="button" data-testid="preset-pair" onClick={() => actions.setScenario(presetScenario(other), { push: true, preset: other.id })}>
        {broken ? 'Open the fixed version' : 'Open the broken version'}: {other.title}
      </button>
    </div>
  );
}
