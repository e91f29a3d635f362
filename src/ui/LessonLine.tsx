/**
 * The lesson in three lines for a projector or an embed: its title, what the article claims, and
 * the verdict computed by running it (never stored). Outside a lesson, the scenario's title.
 */
import { useMemo } from 'react';
import { presetById, presetScenario } from '../scenarios/presets';
import { scenarioTitle } from '../state/codecAdapter';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { lessonEdits } from './lessonEdits';

export function LessonLine() {
  const { store } = usePlayground();
  const presetId = useStore(store, (s) => s.preset);
  const scenario = useStore(store, (s) => s.scenario);
  const outcome = useStore(store, (s) => s.outcome);
  const preset = presetId ? presetById(presetId) : undefined;
  const edited = useMemo(() => (preset ? lessonEdits(presetScenario(preset), scenario).length > 0 : false), [preset, scenario]);
  const verdict =
    outcome && preset && outcome.presetId === preset.id
      ? outcome.status === 'done'
        ? outcome.text
        : outcome.status === 'running'
          ? 'checking the claim…'
          : null
      : null;
  return (
    <div className="lesson-line" data-testid="lesson-line">
      <h1 className="lesson-title">{preset ? preset.title : scenarioTitle(scenario)}</h1>
      {preset && (
        <p className="lesson-claim">
          <strong>The article says:</strong> {preset.claim.statement}
        </p>
      )}
      {verdict && (
        <p className={`lesson-verdict ${outcome?.verdict ?? ''}`} data-testid="lesson-verdict">
          <strong>{edited ? 'Observed for the lesson as written (you changed it):' : 'Observed:'}</strong> {verdict}
        </p>
      )}
    </div>
  );
}
