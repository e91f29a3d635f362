/** Gradient-norm and weight-norm charts per parameter, side by side. */
import { NormChart } from '../charts/NormChart';
import { usePlayground } from './context';

export function NormPanel() {
  const { store, series } = usePlayground();
  return (
    <section className="panel" aria-labelledby="norms-title">
      <h2 id="norms-title">Per-layer norms (log scale)</h2>
      <div className="norm-grid">
        <NormChart title="Gradient norm ‖∇w‖" store={store} series={series.gradNorms} testId="grad-norm-chart" which={0} />
        <NormChart title="Weight norm ‖w‖" store={store} series={series.weightNorms} testId="weight-norm-chart" which={1} />
      </div>
    </section>
  );
}
