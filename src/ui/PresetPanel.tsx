/**
 * The open preset: what it sets up, what its article claims, and what running it showed — the
 * verdict, the nearest setting where the claim holds (with the numbers of every short run the
 * search made), and that setting as a one-click variant. The verdict is computed, never stored.
 */
import { plural } from '../engine/numberFormat';
import { useMemo } from 'react';
import { ARTICLES, isArticleSource, presetById, presetScenario, type PresetSource } from '../scenarios/presets';
import type { PresetOutcome } from '../state/appState';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { lessonEdits } from './lessonEdits';
import { lessonVerdict } from './lessonVerdict';
import { PairLine } from './PairLine';

function SearchTable({ outcome }: { outcome: PresetOutcome }) {
  return (
    <details className="trials">
      <summary>The search: {plural(outcome.trials.length, 'short run')} on cpu</summary>
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
  );
}

function OutcomeView({ presetId, edited }: { presetId: string; edited: boolean }) {
  const { store, actions } = usePlayground();
  const reference = useStore(store, (s) => (s.outcome?.presetId === presetId ? s.outcome : null));
  const watched = useStore(store, (s) => (s.watchedOutcome?.presetId === presetId ? s.watchedOutcome : null));
  const backend = useStore(store, (s) => s.backend);
  const quirks = useMemo(() => (backend?.quirks ?? []).map((q) => q.description), [backend]);
  const v = lessonVerdict({ reference, watched, quirks, edited });
  if (v.status === 'running') {
    return (
      <div className="outcome" data-testid="preset-outcome" data-status="running" aria-live="polite">
        Running the {edited ? 'edited lesson' : 'example as written'} to check the claim…
      </div>
    );
  }
  if (v.status === 'error') {
    return (
      <div className="outcome" data-testid="preset-outcome" data-status="error" role="alert">
        Could not check the claim: {v.message}
      </div>
    );
  }
  const f = v.firstNonFinite;
  return (
    <div
      className={`outcome ${v.verdict}`}
      data-testid="preset-outcome"
      data-status="done"
      data-verdict={v.verdict}
      data-step={f?.step ?? ''}
      data-quantity={f?.quantity ?? ''}
      data-kind={f?.kind ?? ''}
      aria-live="polite"
    >
      <p>
        <strong>Observed {v.where}:</strong> <span data-testid="outcome-text">{v.text}</span>. <span className="muted">{v.event}.</span>
      </p>
      {v.stall && (
        <p className="outcome-stall" data-testid="outcome-stall">
          {v.stall}
        </p>
      )}
      {v.reference && (
        <p className="outcome-reference" data-testid="outcome-reference">
          {v.reference}
        </p>
      )}
      {v.asWritten && <p className="muted">{v.asWritten}</p>}
      {v.search && reference?.variant && (
        <p className="outcome-search">
          The search found that {v.search}:{' '}
          <button
            type="button"
            className="primary"
            data-testid="outcome-variant"
            onClick={() => {
              actions.setScenario(reference.variant!.scenario, { push: true, preset: presetId });
              actions.notify(`Opened the variant with ${reference.variant!.setting}. Press Play (or Space).`);
            }}
          >
            Open that variant
          </button>
        </p>
      )}
      {reference && reference.trials.length > 0 && <SearchTable outcome={reference} />}
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
  const scenario = useStore(store, (s) => s.scenario);
  const preset = presetId ? presetById(presetId) : undefined;
  const edits = useMemo(() => (preset ? lessonEdits(presetScenario(preset), scenario) : []), [preset, scenario]);
  if (!preset) return null;
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
          <strong>You changed the lesson:</strong> {edits.map((e) => e.text).join('; ')}. The verdict below is for your edit.{' '}
          <button type="button" data-testid="back-to-lesson" onClick={() => actions.setScenario(presetScenario(preset), { push: true, preset: preset.id })}>
            Back to the lesson
          </button>
        </div>
      )}
      <OutcomeView presetId={preset.id} edited={edits.length > 0} />
      <PairLine preset={preset} />
    </section>
  );
}
