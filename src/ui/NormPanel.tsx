/** Gradient-norm and weight-norm charts per parameter, side by side. */
import { NormChart } from '../charts/NormChart';
import { usePlayground } from './context';

export function NormPanel() {
  const { run } = usePlayground();
  return (
    <section className="panel" aria-labelledby="norms-title">
      <h2 id="norms-title">Per-layer norms (log scale)</h2>
      <div className="norm-grid">
        <NormChart title="Gradient norm ‖∇w‖" run={run} view="gradNorms" testId="grad-norm-chart" />
        <NormChart title="Weight norm ‖w‖" run={run} view="weightNorms" testId="weight-norm-chart" />
      </div>
    </section>
  );
}
