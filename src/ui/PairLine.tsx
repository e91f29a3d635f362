/**
 * The pair as one lesson: the broken and the fixed run overlaid in one chart in one click, the partner one click
 * away, and, for a fix, whether it holds where the broken one breaks (a fix that holds only where nothing broke says
 * so). The check at the break is computed (state/outcomeQuestions.ts breakQuestion), never written in.
 */
import { presetById, presetScenario, type Preset } from '../scenarios/presets';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { lessonVerdict } from './lessonVerdict';

function BreakCheck({ fix, broken }: { fix: Preset; broken: Preset }) {
  const { store } = usePlayground();
  const partner = useStore(store, (s) => s.verdicts[broken.id]);
  const atBreak = useStore(store, (s) => (s.breakOutcome?.presetId === fix.id ? s.breakOutcome : null));
  if (partner?.status !== 'done') return null;
  if (partner.verdict === 'doesNotHold') {
    return (
      <p className="pair-check" data-testid="pair-check" data-check="nothing-broke">
        The broken version does not break in float32 as written (its claim does not hold), so this fix holds where nothing broke: it is not tested against a
        break here.
      </p>
    );
  }
  if (partner.verdict !== 'holdsOnlyWith' || !partner.variant) return null;
  const v = lessonVerdict({ reference: atBreak, watched: null, quirks: [], edited: false });
  if (v.status !== 'done') return null;
  return (
    <p className="pair-check" data-testid="pair-check" data-check="at-break" data-verdict={v.verdict}>
      The broken version breaks only with {partner.variant.setting}; this fix with that setting too: {v.text} ({v.event}).
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
