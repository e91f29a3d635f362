/**
 * Beside the settings: what this run will cost (costLine.ts) and the memory budget it is checked
 * against, which a person may change here for this browser (the device's default otherwise). Over
 * the budget the line says so before Play: the worker refuses such a run and offers a smaller one.
 */
import { formatBytes } from '../engine/costText';
import { BUDGET_CHOICES, budgetBytes } from '../state/budgetSetting';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { costSummary } from './costLine';

const DEFAULT = 'device';

export function CostLine() {
  const { store, actions } = usePlayground();
  const scenario = useStore(store, (s) => s.scenario);
  const backend = useStore(store, (s) => s.backend);
  const budget = useStore(store, (s) => s.budget);
  const cost = costSummary(scenario, backend, budgetBytes(budget));
  return (
    <div className={`cost-line small${cost.over ? ' over' : ''}`} data-testid="cost-line" data-over={cost.over}>
      <span className="cost-part">
        <span data-testid="cost-memory">{cost.memory}</span>
        {cost.over && <strong> (over: it will not start)</strong>}
      </span>
      <span className="cost-part">
        <span data-testid="cost-work">{cost.work}</span>
        {cost.pace && (
          <>
            {' · '}
            <span data-testid="cost-pace">{cost.pace}</span> <span className="muted">(estimated)</span>
          </>
        )}
      </span>
      <label className="inline cost-budget">
        Memory budget
        <select
          data-testid="budget-select"
          value={budget.chosen === null ? DEFAULT : String(budget.chosen)}
          onChange={(e) => actions.setBudget(e.target.value === DEFAULT ? null : Number(e.target.value))}
        >
          <option value={DEFAULT}>{formatBytes(budget.device)} (default here)</option>
          {BUDGET_CHOICES.map((bytes) => (
            <option key={bytes} value={String(bytes)}>
              {formatBytes(bytes)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
