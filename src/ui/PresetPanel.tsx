/**
 * The open preset: what it sets up, what its article claims, and what running it showed — the
 * verdict, the nearest setting where the claim holds (with the numbers of every short run the
 * search made), and that setting as a one-click variant. The verdict is computed, never stored.
 */
import { showNumber } from '../engine/numberFormat';
import { useMemo } from 'react';
import { ARTICLES, isArticleSource, presetById, presetScenario, type PresetSource } from '../scenarios/presets';
import type { PresetOutcome } from '../state/appState';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { lessonEdits } from './lessonEdits';

function OutcomeView({ outcome, presetId }: { outcome: PresetOutcome | null; presetId: string }) {
  const { actions } = usePlayground();
  if (!outcome || outcome.presetId !== presetId || outcome.status === 'running') {
    return (
      <div className="outcome" data-testid="preset-outcome" data-status="running" aria-live="polite">
        Running the example as written to check the claim…
      </div>
    );
  }
  if (outcome.status === 'error') {
    return (
      <div className="outcome" data-testid="preset-outcome" data-status="error" role="alert">
        Could not check the claim: {outcome.message}
      </div>
    );
  }
  const first = outcome.firstNonFinite;
  return (
    <div className={`outcome ${outcome.verdict ?? ''}`} data-testid="preset-outcome" data-status="done" data-verdict={outcome.verdict ?? ''} aria-live="polite">
      <p>
        <strong>Observed:</strong> <span data-testid="outcome-text">{outcome.text}</span>.{' '}
        <span className="muted">
          {outcome.observed} ({outcome.steps} steps on {outcome.backend}
          {first ? '' : `; final loss ${outcome.finalLoss === null ? '–' : showNumber(outcome.finalLoss)}`}).
        </span>
      </p>
      {outcome.trials.length > 0 && (
        <details className="trials" open={outcome.verdict !== 'holds'}>
          <summary>Search for the nearest setting where the claim holds ({outcome.trials.length} short runs)</summary>
          <table data-testid="outcome-trials">
            <thead>
              <tr>
                <th scope="col">setting</th>
                <th scope="col">claim holds</th>
                <th scope="col">what the run showed</th>
              </tr>
            </thead>
            <tbody>
              {outcome.trials.map((t, i) => (
                <tr key={i} className={t.holds ? 'holds' : ''}>
                  <td>{t.setting}</td>
                  <td>{t.holds ? 'yes' : 'no'}</td>
                  <td>{t.observed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {outcome.variant && (
        <button
          type="button"
          className="primary"
          data-testid="outcome-variant"
          onClick={() => {
            actions.setScenario(outcome.variant!.scenario, { push: true, preset: presetId });
            actions.notify(`Opened the variant with ${outcome.variant!.setting}. Press Play (or Space).`);
          }}
        >
          Open the variant with {outcome.variant.setting}
        </button>
      )}
    </div>
  );
}

/** "Article 4 (topic), example 2", or where in TensorFlow Playground a lesson comes from. */
function sourceLine(source: PresetSource): string {
  if (!isArticleSource(source)) return `From TensorFlow Playground: ${source.setting}`;
  const articleIndex = ARTICLES.findIndex((a) => a.file === source.file);
  return `Article ${articleIndex + 1} (${ARTICLES[articleIndex]?.topic ?? source.file}), example ${source.example}`;
}

export function PresetPanel() {
  const { store, actions } = usePlayground();
  const presetId = useStore(store, (s) => s.preset);
  const outcome = useStore(store, (s) => s.outcome);
  const scenario = useStore(store, (s) => s.scenario);
  const preset = presetId ? presetById(presetId) : undefined;
  const edits = useMemo(() => (preset ? lessonEdits(presetScenario(preset), scenario) : []), [preset, scenario]);
  if (!preset) return null;
  const other = preset.pair ? presetById(preset.pair.other) : undefined;
  return (
    <section className="panel preset-panel" data-testid="preset-panel" data-preset={preset.id} aria-labelledby="preset-title">
      <h2 id="preset-title">{preset.title}</h2>
      <p className="muted source">{sourceLine(preset.source)}</p>
      <p>{preset.explanation}</p>
      <p>
        <strong>{isArticleSource(preset.source) ? 'The article says:' : 'The lesson:'}</strong> {preset.claim.statement}
      </p>
      {edits.length > 0 && (
        <div className="lesson-edited" data-testid="lesson-edited" role="status">
          <strong>You changed the lesson:</strong> {edits.map((e) => e.text).join('; ')}. The verdict below is for the lesson as written.{' '}
          <button type="button" data-testid="back-to-lesson" onClick={() => actions.setScenario(presetScenario(preset), { push: true, preset: preset.id })}>
            Back to the lesson
          </button>
        </div>
      )}
      <OutcomeView outcome={outcome} presetId={preset.id} />
      {other && (
        <button type="button" data-testid="preset-pair" onClick={() => actions.setScenario(presetScenario(other), { push: true, preset: other.id })}>
          {preset.pair!.role === 'broken' ? 'Open the fixed version' : 'Open the broken version'}: {other.title}
        </button>
      )}
    </section>
  );
}
