/** Copy link, export (JSON, CSV, PNG) and import of a run. */
import { useRef } from 'react';
import { runToCsv, runToJson } from '../state/runFile';
import { describeSteps, type ExportedRecords } from '../state/stepCoverage';
import { usePlayground } from './context';
import { scenarioTitle } from '../state/codecAdapter';
import { chartRuns, legendOf, listRuns } from './chartRuns';
import { chartPng, downloadBlob } from './downloads';

export function ExportBar() {
  const { store, actions, run, compare, imports, lossChartRef } = usePlayground();
  const fileInput = useRef<HTMLInputElement>(null);
  const base = (): string => `nan-playground-${store.getState().scenario.model}-step${run.step}`;
  /** The records to export; when they are a part of the run, the page says so as well as the file. */
  const exported = (kind: 'JSON' | 'CSV'): ExportedRecords => {
    const e = run.history.exportable();
    if (e.steps.reason !== null) actions.notify(`The ${kind} file holds ${describeSteps(e.steps)}.`);
    return e;
  };

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

  /** The chart as a standalone image: the scenario's title and link above it, its runs named below. */
  const chartImage = async (): Promise<Blob | null> => {
    const svg = lossChartRef.current;
    if (!svg) return null;
    const s = store.getState();
    const legend = legendOf(chartRuns(listRuns(s, run, compare, imports)));
    return chartPng(svg, { title: scenarioTitle(s.scenario, s.preset ?? undefined), subtitle: window.location.search || '(default scenario)' }, legend);
  };

  const exportPng = async (): Promise<void> => {
    try {
      const png = await chartImage();
      if (png) downloadBlob(png, `${base()}.png`);
      else actions.notify('No chart to export yet.');
    } catch (e) {
      actions.notify(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const copyImage = async (): Promise<void> => {
    try {
      const png = await chartImage();
      if (!png) return actions.notify('No chart to copy yet.');
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      actions.notify('Chart copied as an image, with its title, link and legend.');
    } catch (e) {
      // Image clipboard needs permission and a secure origin; the PNG button always works.
      actions.notify(`Could not copy the image (${e instanceof Error ? e.message : String(e)}); use PNG to save it instead.`);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    try {
      // Read and checked off the page's thread; the records follow a slice per frame.
      const opened = await imports.open(file);
      const { run, count } = opened;
      // A file with no records needs its reading worker no more: ended now, its heap is dropped rather than
      // collected by GC threads that would take both cores of a small machine while the page renders the import.
      if (count === 0) opened.close();
      store.setState({ rejected: run.rejected });
      // Each change renders in a task of its own: the store's updates render synchronously, and the three together
      // (the ignored keys, the new scenario's controls, the notice) were one task of 75 ms on a slow two-core machine.
      await nextTask();
      actions.setScenario(run.scenario, { push: true, preset: null });
      await nextTask();
      // The file's own curve is drawn beside the new run, so training it again can be compared with it.
      if (count > 0) imports.add(file.name, opened);
      actions.notify(
        `Imported ${file.name}: its scenario is loaded${count ? ` and its ${count} steps are drawn as "file: ${file.name}"; press Play to train it again` : ''}.${run.steps?.reason ? ` The file holds ${describeSteps(run.steps)}.` : ''}`,
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
          downloadBlob(new Blob([runToJson(s.scenario, exported('JSON'), s.report)], { type: 'application/json' }), `${base()}.json`);
        }}
      >
        JSON
      </button>
      <button type="button" data-testid="export-csv" onClick={() => downloadBlob(new Blob([runToCsv(exported('CSV'))], { type: 'text/csv' }), `${base()}.csv`)}>
        CSV
      </button>
      <button type="button" data-testid="export-png" onClick={() => void exportPng()}>
        PNG
      </button>
      <button type="button" data-testid="copy-chart" onClick={() => void copyImage()} title="Copy the loss chart as an image">
        Copy chart
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

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
