/** The sentinel's verdict in words, with suggested fixes to apply or to compare against this run. */
import { useMemo, useState } from 'react';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { diagnose } from './diagnosis';

export function DiagnosisPanel() {
  const { store, actions } = usePlayground();
  const report = useStore(store, (s) => s.report);
  const warnings = useStore(store, (s) => s.warnings);
  const scenario = useStore(store, (s) => s.scenario);
  const compare = useStore(store, (s) => s.compare);
  const backend = useStore(store, (s) => s.backend);
  // The quirks belong to the backend the report was measured on (a Compare run does not change it).
  const quirks = useMemo(() => (report && backend?.active === report.backend ? backend.quirks : []), [report, backend]);
  const diagnosis = useMemo(() => diagnose(report, warnings, scenario, quirks), [report, warnings, scenario, quirks]);
  const [chosen, setChosen] = useState<string | null>(null);

  if (!diagnosis) {
    return (
      <section className="panel diagnosis quiet" data-testid="diagnosis" aria-labelledby="diag-title">
        <h2 id="diag-title">Diagnosis</h2>
        <p className="muted">
          All watched values are finite so far. The sentinel checks activations, the loss, gradients, weights and optimizer state at every step.
        </p>
      </section>
    );
  }
  const fix = diagnosis.fixes.find((f) => f.id === chosen) ?? diagnosis.fixes[0] ?? null;
  return (
    <section
      className={`panel diagnosis ${report ? 'flagged' : 'warned'}`}
      data-testid="diagnosis"
      aria-labelledby="diag-title"
      data-quantity={report?.quantity ?? ''}
    >
      <h2 id="diag-title">{report ? 'Diagnosis: first non-finite value' : 'Warning'}</h2>
      <p className="headline">{diagnosis.headline}</p>
      {report && (
        <p className="quantity">
          Quantity: <code data-testid="diagnosis-quantity">{report.quantity}</code> · phase <code>{report.phase}</code>
        </p>
      )}
      <ul className="details">
        {diagnosis.details.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      {quirks.length > 0 && (
        <details className="quirks" data-testid="backend-quirks" open>
          <summary>Measured on {report?.backend}: where it differs from IEEE float32</summary>
          <ul>
            {quirks.map((q) => (
              <li key={q.id} data-quirk={q.id}>
                <code>{q.description}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {diagnosis.fixes.length > 0 && (
        <div className="fixes" role="group" aria-label="Suggested fixes">
          <span className="muted">Try:</span>
          {diagnosis.fixes.map((f) => (
            <button
              key={f.id}
              type="button"
              data-testid="fix-button"
              data-fix={f.id}
              aria-pressed={fix?.id === f.id}
              className={fix?.id === f.id ? 'chosen' : ''}
              title={f.why}
              onClick={() => setChosen(f.id)}
            >
              {f.label}
            </button>
          ))}
        </div>
      )}
      {fix && (
        <div className="fix-actions">
          <span className="why">
            {fix.label}: {fix.why}.
          </span>
          <button type="button" className="primary" data-testid="compare-button" onClick={() => actions.compareWith({ ...scenario, ...fix.patch }, fix.label)}>
            Compare
          </button>
          <button type="button" data-testid="apply-fix-button" onClick={() => actions.setScenario({ ...scenario, ...fix.patch }, { push: true })}>
            Apply to this run
          </button>
          {compare && (
            <span className="compare-status" data-testid="compare-status" data-status={compare.status}>
              {compare.status === 'running'
                ? `Running “${compare.label}”…`
                : compare.status === 'done'
                  ? `Overlaid: “${compare.label}”${compare.message ? ` (${compare.message})` : ''}`
                  : `Compare failed: ${compare.message ?? ''}`}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
