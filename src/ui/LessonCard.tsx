/** One example as a card: its title, the claim in a sentence, and the claim's computed verdict as a badge. */
import { encodeScenario } from '../scenarios/codec';
import { presetScenario, type Preset } from '../scenarios/presets';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { verdictBadge } from './verdictText';

export function LessonCard({ preset }: { preset: Preset }) {
  const { store, actions } = usePlayground();
  const outcome = useStore(store, (s) => s.verdicts[preset.id]);
  const badge = verdictBadge(outcome);
  const href = `?${encodeScenario(presetScenario(preset), { preset: preset.id })}`;
  const role = preset.pair?.role;
  return (
    <li className={`lesson-card ${role ?? ''}`}>
      <a
        href={href}
        data-testid="lesson-card"
        data-preset={preset.id}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // let "open in new tab" work
          e.preventDefault();
          actions.setScenario(presetScenario(preset), { push: true, preset: preset.id });
          actions.notify(`Opened “${preset.title}”. Press Play (or Space).`);
          window.scrollTo({ top: 0 });
        }}
      >
        <span className="lesson-card-head">
          <span className="card-title">{preset.title}</span>
          {role && <span className={`role ${role}`}>{role === 'broken' ? 'breaks' : 'the fix'}</span>}
        </span>
        <span className="claim">{preset.claim.statement}</span>
        <span className={`verdict-badge ${badge.kind}`} data-testid="lesson-badge" data-verdict={badge.kind} aria-live="polite">
          <span className="sr-only">Verdict: </span>
          {badge.text}
        </span>
      </a>
    </li>
  );
}
