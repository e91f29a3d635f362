/**
 * "Stability map": how far the scenario is from the cliff. A grid over two numeric settings (by
 * default the learning rate across and the input scale up), each cell the scenario with those two
 * values run for its steps off the main thread by a pool of map workers; a cell's colour is the
 * step of its first non-finite value and its glyph the kind. The map fills coarse to fine with a
 * progress bar and the time left, can be cancelled, stays in the link, and exports as PNG or CSV.
 * Clicking a cell opens its scenario.
 */
import { useCallback, useRef } from 'react';
import { mapLinkQuery, type OpenMap } from '../scenarios/mapLink';
import { axisValues, cellScenario, currentCell, defaultMapSpec, type MapCell } from '../scenarios/stabilityGrid';
import { scenarioTitle } from '../state/codecAdapter';
import { cellIndex, mapCsv, type MapProgress } from '../state/mapResults';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';
import { downloadBlob } from './downloads';
import { mapPng } from './mapImage';
import { MapCanvas } from './MapCanvas';
import { MapPickers } from './MapPickers';
import { cellOutcome, cellSettings, nearestDone, timeLeftText } from './mapText';
import './stabilityMap.css';

function ProgressLine({ progress, onCancel, onCompute }: { progress: MapProgress; onCancel(): void; onCompute(): void }) {
  const { done, total, status } = progress;
  const left = status === 'running' ? timeLeftText(progress.leftMs) : null;
  const words: Record<MapProgress['status'], string> = {
    idle: 'not computed for this scenario yet',
    running: `${progress.workers} worker${progress.workers === 1 ? '' : 's'}${left ? `, ${left}` : ''}`,
    done: 'done',
    cancelled: 'stopped',
    error: progress.message ?? 'failed',
  };
  return (
    <div className="map-progress" data-testid="map-status" data-status={status}>
      <progress value={done} max={total || 1} aria-label="Cells computed" data-testid="map-progress" />
      <span data-testid="map-count">
        {done} / {total} cells
      </span>
      <span className={status === 'error' ? 'field-error' : 'muted'}>{words[status]}</span>
      {status === 'running' ? (
        <button type="button" data-testid="map-cancel" onClick={onCancel}>
          Cancel
        </button>
      ) : (
        done < total && (
          <button type="button" data-testid="map-resume" onClick={onCompute}>
            {done > 0 ? 'Compute the rest' : 'Compute'}
          </button>
        )
      )}
    </div>
  );
}

export function StabilityMapPanel() {
  const { store, actions, map: controls } = usePlayground();
  const scenario = useStore(store, (s) => s.scenario);
  const open = useStore(store, (s) => s.map);
  const active = useStore(store, (s) => s.backend?.active ?? null);
  const progress = useStore(controls.progress, (p) => p);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const start: OpenMap = open ?? { spec: defaultMapSpec(scenario), backend: active === 'wasm' ? 'wasm' : 'cpu' };
  const cells = progress.cells;
  const nx = open?.spec.x.cells ?? 0;
  const preview = useCallback((i: number, j: number) => nearestDone(cells, nx, i, j), [cells, nx]);

  const describe = (i: number, j: number): string => {
    if (!open) return '';
    const cell = cells[cellIndex(open.spec, i, j)] ?? null;
    const place = cell ?? { x: axisValues(open.spec.x)[i]!, y: axisValues(open.spec.y)[j]! };
    return `${cellSettings(open.spec, place)}: ${cell ? cellOutcome(cell, scenario.steps) : 'not computed yet'}`;
  };
  const openCell = (cell: MapCell): void => {
    if (!open) return;
    const next = cellScenario(store.getState().scenario, open.spec, cell.i, cell.j);
    // The cell ran on the map's backend: open it there, so its run flags at the step the cell shows.
    actions.setScenario(active === open.backend ? next : { ...next, backend: open.backend }, { push: true });
  };
  const exportPng = async (): Promise<void> => {
    if (!canvasRef.current) return actions.notify('No map to export yet.');
    try {
      const s = store.getState();
      const png = await mapPng(canvasRef.current, {
        title: `Stability map · ${scenarioTitle(s.scenario, s.preset ?? undefined)}`,
        subtitle: window.location.search,
      });
      downloadBlob(png, `nan-playground-map-${String(open?.spec.x.key)}-${String(open?.spec.y.key)}.png`);
    } catch (e) {
      actions.notify(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const exportCsv = (): void => {
    if (!open) return;
    downloadBlob(new Blob([mapCsv(open.spec, cells)], { type: 'text/csv' }), `nan-playground-map-${String(open.spec.x.key)}-${String(open.spec.y.key)}.csv`);
  };

  return (
    <section className="panel stability-map" aria-labelledby="stability-map-title" data-testid="stability-map">
      <div className="panel-head">
        <h2 id="stability-map-title">Stability map</h2>
        {open && (
          <span className="map-actions">
            <button type="button" data-testid="map-export-png" onClick={() => void exportPng()}>
              PNG
            </button>
            <button type="button" data-testid="map-export-csv" onClick={exportCsv}>
              CSV
            </button>
            <button type="button" data-testid="map-close" onClick={() => controls.close()}>
              Close
            </button>
          </span>
        )}
      </div>
      <p className="muted small">
        Where this scenario breaks as two settings change: each cell is a run of {scenario.steps} steps, coloured by the step of its first NaN or ±Inf.
      </p>
      <MapPickers
        scenario={scenario}
        start={start}
        busy={progress.status === 'running'}
        onCompute={(map) => (open && mapLinkQuery(map) === mapLinkQuery(open) ? controls.compute() : controls.open(map))}
      />
      {open && (
        <>
          <ProgressLine progress={progress} onCancel={() => controls.cancel()} onCompute={() => controls.compute()} />
          <MapCanvas
            spec={open.spec}
            cells={cells}
            steps={scenario.steps}
            current={currentCell(open.spec, scenario)}
            preview={preview}
            describe={describe}
            onOpen={openCell}
            canvasRef={canvasRef}
          />
        </>
      )}
    </section>
  );
}
