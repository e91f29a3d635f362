/**
 * The lesson in three lines for a projector or an embed: its title, what the article claims, and
 * the verdict computed by running it (never stored), for the run on screen as the preset panel
 * gives it. Outside a lesson, the scenario's title.
 */
import { useMemo } from 'react';
import { presetById, presetScenario } from '../scenarios/presets';
import { scenarioTitle } from '../state/codecAdapter';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { lessonEdits } from './lessonEdits';
import { lessonVerdict } from './lessonVerdict';

export function LessonLine() {
  const { store } = usePlayground();
  const presetId = useStore(store, (s) => s.preset);
  const scenario = useStore(store, (s) => s.scenario);
  const reference = useStore(store, (s) => (s.outcome?.presetId === presetId ? s.outcome : null));
  const watched = useStore(store, (s) => (s.watchedOutcome?.presetId === presetId ? s.watchedOutcome : null));
  const backend = useStore(store, (s) => s.backend);
  const preset = presetId ? presetById(presetId) : undefined;
  const edited = useMemo(() => (preset ? lessonEdits(presetScenario(preset), scenario).length > 0 : false), [preset, scenario]);
  const quirks = useMemo(() => (backend?.quirks ?? []).map((q) => q.description), [backend]);
  // The same verdict as the preset panel's: the run on screen, on its backend and as edited.
  const v = preset ? lessonVerdict({ reference, watched, quirks, edited }) : null;
  const verdict =
    v?.status === 'done' ? `${v.text} ${v.where}${edited ? ', as you changed it' : ''} (${v.event})` : v?.status === 'running' ? 'checking the claim…' : null;
  return (
    <div className="lesson-line" data-testid="lesson-line">
      <h1 className="lesson-title">{preset ? preset.title : scenarioTitle(scenario)}</h1>
      {preset && (
        <p className="lesson-claim">
          <strong>The article says:</strong> {preset.claim.statement}
        </p>
      )}
      {verdict && (
        <p className={`lesson-verdict ${v?.verdict ?? ''}`} data-testid="lesson-verdict">
          <strong>Observed:</strong> {verdict}
        </p>
      )}
    </div>
  );
}
