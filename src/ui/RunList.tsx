/**
 * The runs of the loss chart, each with its line and a switch: the main run, a compare run, run
 * files imported into the page. Switching a run off hides its curve and its hover line; its place in
 * the list (and so its colour and dash) stays.
 */
import { lineStyle } from '../charts/LossChart';
import type { AppStore } from '../state/appState';

export interface RunEntry {
  id: string;
  label: string;
  slot: number;
  visible: boolean;
}

export function RunList({ store, entries }: { store: AppStore; entries: readonly RunEntry[] }) {
  const toggle = (id: string): void =>
    store.setState((s) => ({ hiddenRuns: s.hiddenRuns.includes(id) ? s.hiddenRuns.filter((h) => h !== id) : [...s.hiddenRuns, id] }));
  return (
    <ul className="chart-legend run-list" data-testid="loss-legend" aria-label="Runs on the chart">
      {entries.map((e) => {
        const style = lineStyle(e.slot);
        return (
          <li key={e.id} className="key">
            <label>
              <input type="checkbox" checked={e.visible} onChange={() => toggle(e.id)} data-testid={`run-toggle-${e.id}`} />
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="28" y2="5" stroke={style.stroke} strokeWidth="2.5" strokeDasharray={style.strokeDasharray} />
              </svg>
              {e.label}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
