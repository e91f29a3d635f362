/**
 * A scenario refused before anything was allocated (over the budget or the backend's limits): the
 * reason in one line, the fields that drive the cost, and the nearest scenario that fits, trained in
 * one click. The nearest one is the engine's (budget.ts), so the page and the CLI offer the same.
 */
import type { Scenario } from '../engine/scenario';
import { FIELD_BY_KEY } from '../scenarios/schema';
import { changedFields } from '../state/urlSync';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';

/** "Batch size 32768, Samples 4": the smaller scenario's values where it differs. */
function changesTo(from: Scenario, to: Scenario): string {
  return changedFields(from, to)
    .map((key) => {
      const value = to[key];
      return `${FIELD_BY_KEY.get(key)?.label ?? key} ${Array.isArray(value) ? value.join(',') : String(value)}`;
    })
    .join(', ');
}

export function BudgetRefusal() {
  const { store, actions } = usePlayground();
  const refusal = useStore(store, (s) => s.refusal);
  const scenario = useStore(store, (s) => s.scenario);
  if (!refusal) return null;
  const smaller = refusal.smaller;
  return (
    <div className="notices">
      <div className="notice error" role="alert" data-testid="budget-refusal" data-fields={refusal.fields.join(',')}>
        <strong>Not started (nothing was allocated):</strong> {refusal.message}.{' '}
        {smaller ? (
          <button
            type="button"
            data-testid="smaller-variant"
            onClick={() => {
              actions.setScenario(smaller, { push: true });
              actions.play();
            }}
          >
            Train with {changesTo(scenario, smaller)}
          </button>
        ) : (
          <span>Lower {refusal.fields.join(' or ')} in the settings.</span>
        )}
      </div>
    </div>
  );
}
