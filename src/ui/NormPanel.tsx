/** Gradient-norm and weight-norm charts per parameter, side by side. */
import { NormChart } from '../charts/NormChart';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';

export function NormPanel() {
  const { store, series } = usePlayground();
  const version = useStore(store, (s) => s.chartVersion);
  return (
    <section className="panel" aria-labelledby="norms-title">
      <h2 id="norms-title">Per-layer norms (log scale)</h2>
      <div className="norm-grid">
        <NormChart title="Gradient norm ‖∇w‖" series={series.gradNorms} version={version} testId="grad-norm-chart" />
        <NormChart title="Weight norm ‖w‖" series={series.weightNorms} version={version} testId="weight-norm-chart" />
      </div>
    </section>
  );
}
