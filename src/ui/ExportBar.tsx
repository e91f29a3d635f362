/** Copy link, export (JSON, CSV, PNG) and import of a run. */
import { useRef } from 'react';
import { parseRunJson, runToCsv, runToJson } from '../state/runFile';
import { usePlayground } from './context';
import { downloadBlob, svgToPng } from './downloads';

export function ExportBar() {
  const { store, actions, run, imports, lossChartRef } = usePlayground();
  const fileInput = useRef<HTMLInputElement>(null);
  const base = (): string => `nan-playground-${store.getState().scenario.model}-step${run.step}`;
  const keptRecords = () => run.history.keptRecords();

  const copyLink = async (): Promise<void> => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      actions.notify('Link copied: it opens this exact scenario.');
    } catch {
      // Clipboard access can be refused (no permission, insecure origin); show the link instead.
      actions.notify(`Copy this link: ${url}`);
    }
  };

  const exportPng = async (): Promise<void> => {
    const svg = lossChartRef.current;
    if (!svg) {
      actions.notify('No chart to export yet.');
      return;
    }
    try {
      downloadBlob(await svgToPng(svg), `${base()}.png`);
    } catch (e) {
      actions.notify(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    try {
      const run = parseRunJson(await file.text());
      store.setState({ rejected: run.rejected });
      actions.setScenario(run.scenario, { push: true, preset: null });
      // The file's own curve is drawn beside the new run, so training it again can be compared with it.
      if (run.records.length > 0) imports.add(file.name, run.records);
      actions.notify(
        `Imported ${file.name}: its scenario is loaded${run.records.length ? ` and its ${run.records.length} steps are drawn as "file: ${file.name}"; press Play to train it again` : ''}.`,
      );
    } catch (e) {
      actions.notify(`Could not import ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="export-bar" role="group" aria-label="Share and export">
      <button type="button" data-testid="copy-link" onClick={() => void copyLink()}>
        Copy link
      </button>
      <button
        type="button"
        data-testid="export-json"
        onClick={() => {
          const s = store.getState();
          downloadBlob(new Blob([runToJson(s.scenario, keptRecords(), s.report)], { type: 'application/json' }), `${base()}.json`);
        }}
      >
        JSON
      </button>
      <button type="button" data-testid="export-csv" onClick={() => downloadBlob(new Blob([runToCsv(keptRecords())], { type: 'text/csv' }), `${base()}.csv`)}>
        CSV
      </button>
      <button type="button" data-testid="export-png" onClick={() => void exportPng()}>
        PNG
      </button>
      <button type="button" data-testid="import-button" onClick={() => fileInput.current?.click()}>
        Import…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        data-testid="import-input"
        className="sr-only"
        tabIndex={-1}
        aria-label="Import a run JSON file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importFile(f);
          e.target.value = '';
        }}
      />
    </div>
  );
}
