// Rows of the benchmark and the plain-text table printed at the end of `npm run bench`.
import type { BenchCell } from '../src/lab/benchModel';

export interface BenchRow extends Partial<BenchCell> {
  environment: string; // "node" or the browser's version string
  backend: string;
  model: string;
  label: string;
  skipped?: string;
}

const fmt = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** Render the rows as a Markdown table (steps/s medians and the three ratios). */
export function renderTable(rows: BenchRow[]): string {
  const head = '| environment | backend | model | bare tfjs | engine, sentinel off | engine, sentinel on | on/off | engine/bare | on/bare |';
  const lines = [head, '|---|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (r.skipped) {
      lines.push(`| ${r.environment} | ${r.backend} | ${r.label} | skipped: ${r.skipped} | | | | | |`);
      continue;
    }
    const m = (mode: string) => r.modes?.find((x) => x.mode.startsWith(mode))?.median;
    lines.push(
      `| ${r.environment} | ${r.backend} | ${r.label} | ${fmt(m('bare'))} | ${fmt(m('engine, sentinel off'))} | ${fmt(m('engine, sentinel on'))} | ${fmt(r.sentinelRatio)} | ${fmt(r.engineRatio)} | ${fmt(r.watchedRatio)} |`,
    );
  }
  return lines.join('\n');
}
