/**
 * The stability map as the command line prints it: JSON with every cell (NaN and ±Inf as strings,
 * as the other commands write them), or a text grid with the highest row on top, one column per x
 * value, and in each cell the step of the first non-finite value and a glyph for its kind.
 */
import type { NonFiniteKind } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import { encodeScenario, formatNumber } from '../scenarios/codec';
import { axisValues, isLogAxis, mapField, type MapAxis, type MapCell, type MapSpec } from '../scenarios/stabilityGrid';

export interface MapAxisReport {
  key: keyof Scenario;
  /** The field's name in links (lr, scale…). */
  url: string;
  label: string;
  log: boolean;
  min: number;
  max: number;
  values: number[];
}

export interface MapReport {
  preset: string | null;
  /** The scenario every cell starts from, and its link. */
  scenario: Scenario;
  query: string;
  backend: string;
  /** Steps each cell runs (fewer when it stops at its first non-finite step). */
  steps: number;
  x: MapAxisReport;
  y: MapAxisReport;
  /** Row by row from the lowest y (j = 0), each row from the lowest x (i = 0). */
  cells: MapCell[];
}

function axisReport(axis: MapAxis): MapAxisReport {
  const field = mapField(axis.key)!;
  return { key: axis.key, url: field.url, label: field.label, log: isLogAxis(axis), min: axis.min, max: axis.max, values: axisValues(axis) };
}

export function buildMapReport(input: { scenario: Scenario; preset: string | null; backend: string; spec: MapSpec; cells: MapCell[] }): MapReport {
  const { scenario, preset, spec } = input;
  return {
    preset,
    scenario,
    query: encodeScenario(scenario, preset ? { preset } : {}),
    backend: input.backend,
    steps: scenario.steps,
    x: axisReport(spec.x),
    y: axisReport(spec.y),
    cells: input.cells,
  };
}

/** One character per kind; the minus sign is U+2212 as in every other place a −Inf is shown. */
export const KIND_GLYPH: Readonly<Record<NonFiniteKind, string>> = { NaN: 'N', '+Inf': '+', '-Inf': '−' };

const cellText = (c: MapCell): string => (c.error ? '!' : c.firstNonFinite === null || c.kind === null ? '·' : `${c.firstNonFinite}${KIND_GLYPH[c.kind]}`);

export function formatMapText(r: MapReport): string {
  const width = Math.max(3, ...r.cells.map((c) => cellText(c).length)) + 1;
  const rowLabel = (j: number): string => formatNumber(r.y.values[j]!);
  const labelWidth = Math.max(...r.y.values.map((_, j) => rowLabel(j).length));
  const lines = [
    `${r.preset ?? 'scenario'} on ${r.backend}: ${r.x.values.length} × ${r.y.values.length} cells of ${r.steps} steps  (?${r.query})`,
    `  across: ${r.x.label} (${r.x.url}) ${formatNumber(r.x.min)} … ${formatNumber(r.x.max)}${r.x.log ? ', log' : ''}; up: ${r.y.label} (${r.y.url}) ${formatNumber(r.y.min)} … ${formatNumber(r.y.max)}${r.y.log ? ', log' : ''}`,
    '  each cell: the step of the first non-finite value and its kind (N NaN, + +Inf, − −Inf); · finite throughout; ! could not run',
    '',
  ];
  for (let j = r.y.values.length - 1; j >= 0; j -= 1) {
    const row = r.cells.filter((c) => c.j === j).sort((a, b) => a.i - b.i);
    lines.push(`  ${rowLabel(j).padStart(labelWidth)} |${row.map((c) => cellText(c).padStart(width)).join('')}`);
  }
  lines.push(`  ${' '.repeat(labelWidth)} +${'-'.repeat(width * r.x.values.length)}`);
  lines.push(`  ${' '.repeat(labelWidth)}  ${r.x.label} from ${r.x.values.map(formatNumber).join(', ')}`);
  for (const c of r.cells.filter((c) => c.error)) lines.push(`  ! ${r.x.url}=${formatNumber(c.x)} ${r.y.url}=${formatNumber(c.y)}: ${c.error!}`);
  return lines.join('\n');
}
