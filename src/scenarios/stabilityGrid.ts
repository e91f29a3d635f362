/**
 * The stability map's grid: two numeric scenario fields, each over a range of values, and the
 * scenario of every cell. Which fields qualify, whether an axis is log or linear and how far it may
 * go all come from the schema table, so the app, the worker and the CLI lay out the same grid and
 * run the same numbers. Pure data: what a cell shows comes from running it (src/runs/stabilityMap.ts).
 */
import type { NonFiniteKind } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import { formatNumber } from './codec';
import { FIELDS, FIELD_BY_KEY, boundText, type Field, type NumberRange } from './schema';

export const MAP_DEFAULT_CELLS = 12;
export const MAP_MAX_CELLS = 32;
export const MAP_MIN_CELLS = 2;
/** Default ranges on a log axis: this many decades either side of the current value. */
const DEFAULT_DECADES = 2;
/** The map's default axes: the step size against the size of the inputs. */
export const MAP_DEFAULT_KEYS = { x: 'lr', y: 'inputScale' } as const;

/** A numeric field the map can put on an axis. */
export type MapField = Field & { type: 'number' | 'integer'; range: NumberRange };

/** One axis: a field, its range and how many cells it has. */
export interface MapAxis {
  key: keyof Scenario;
  min: number;
  max: number;
  cells: number;
}

export interface MapSpec {
  x: MapAxis;
  y: MapAxis;
}

/** What one cell's run showed (x, y: the values it ran with; i, j: its column and row). */
export interface MapCell {
  i: number;
  j: number;
  x: number;
  y: number;
  /** The step of the first non-finite value, or null when the run stayed finite throughout. */
  firstNonFinite: number | null;
  kind: NonFiniteKind | null;
  /** The quantity the sentinel saw go non-finite first ("loss", "grad/dense1/kernel"…). */
  quantity: string | null;
  finalLoss: number | null;
  /** Why the cell could not run (its scenario is not supported on the backend, or training threw). */
  error?: string;
}

// Steps are what a cell's colour already shows: an axis of them would only repeat it.
const NOT_ON_AXES: ReadonlySet<keyof Scenario> = new Set(['steps']);

/** The fields an axis may use, in schema order: every number and whole number of the table. */
export const MAP_FIELDS: readonly MapField[] = FIELDS.filter((f): f is MapField => (f.type === 'number' || f.type === 'integer') && !NOT_ON_AXES.has(f.key));

export function mapField(key: string): MapField | undefined {
  return MAP_FIELDS.find((f) => f.key === key);
}

/** Log axes start above 0: at the range's minimum, or its log floor when that is 0. */
function axisFloor(field: MapField): number {
  return field.range.log && field.range.min <= 0 ? (field.range.logFloor ?? Number.MIN_VALUE) : field.range.min;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
/** Three significant digits: the values a cell runs with are the ones its label and its link show. */
const tidy = (v: number): number => (v === 0 ? 0 : Number(v.toPrecision(3)));

/**
 * The axis a field gets by default: two decades either side of `current` on a log axis (clamped to
 * the range; from the floor up when `current` is 0), the whole range on a linear one.
 */
export function defaultAxis(field: MapField, current: number, cells = MAP_DEFAULT_CELLS): MapAxis {
  const floor = axisFloor(field);
  const whole = field.type === 'integer' ? Math.floor(field.range.max) - Math.ceil(floor) + 1 : Infinity;
  const n = Math.max(MAP_MIN_CELLS, Math.min(cells, whole));
  if (!field.range.log) return { key: field.key, min: field.range.min, max: field.range.max, cells: n };
  const centre = current > 0 ? current : floor * 10 ** DEFAULT_DECADES;
  const span = 10 ** DEFAULT_DECADES;
  return { key: field.key, min: tidy(clamp(centre / span, floor, field.range.max)), max: tidy(clamp(centre * span, floor, field.range.max)), cells: n };
}

/** The default map of a scenario: learning rate × input scale around its current values. */
export function defaultMapSpec(scenario: Scenario, keys: { x: keyof Scenario; y: keyof Scenario } = MAP_DEFAULT_KEYS): MapSpec {
  const axis = (key: keyof Scenario): MapAxis => defaultAxis(mapField(key)!, scenario[key] as number);
  return { x: axis(keys.x), y: axis(keys.y) };
}

export function isLogAxis(axis: MapAxis): boolean {
  return mapField(axis.key)?.range.log === true;
}

/** The values of an axis, low to high: evenly spaced in decades on a log axis, else linearly; whole numbers rounded. */
export function axisValues(axis: MapAxis): number[] {
  const field = mapField(axis.key)!;
  const n = axis.cells;
  const raw = (k: number): number => {
    if (k === 0) return axis.min;
    if (k === n - 1) return axis.max;
    if (field.range.log) return 10 ** (Math.log10(axis.min) + (k / (n - 1)) * (Math.log10(axis.max) - Math.log10(axis.min)));
    return (axis.min * (n - 1 - k) + axis.max * k) / (n - 1);
  };
  // Whole numbers are rounded, not tidied: 1001 must stay 1001 next to 1000.
  return Array.from({ length: n }, (_, k) => (field.type === 'integer' ? Math.round(raw(k)) : k === 0 || k === n - 1 ? raw(k) : tidy(raw(k))));
}

/** What is wrong with an axis: which part of it (its field, its cell count or its range) and why. */
export interface AxisProblem {
  on: 'key' | 'cells' | 'range';
  message: string;
}

/**
 * Why an axis cannot be laid out, naming what to change, or null when it can: a field that is not
 * numeric, a range outside the schema's or upside down, a cell count outside 2…32, or more cells
 * than a whole-number range has values.
 */
export function checkAxis(axis: MapAxis): AxisProblem | null {
  const field = mapField(axis.key);
  if (!field) return { on: 'key', message: `${String(axis.key)} is not a numeric setting; the map's axes can be ${MAP_FIELDS.map((f) => f.url).join(', ')}` };
  const floor = axisFloor(field);
  const name = `${field.label} (${field.url})`;
  const range = `${formatNumber(axis.min)}…${formatNumber(axis.max)}`;
  if (!Number.isInteger(axis.cells) || axis.cells < MAP_MIN_CELLS || axis.cells > MAP_MAX_CELLS)
    return { on: 'cells', message: `${name}: ${String(axis.cells)} cells; a map has ${MAP_MIN_CELLS} to ${MAP_MAX_CELLS} per axis` };
  if (!Number.isFinite(axis.min) || !Number.isFinite(axis.max) || axis.min >= axis.max)
    return { on: 'range', message: `${name}: the range ${range} must run from a smaller to a larger number` };
  if (axis.min < floor || axis.max > field.range.max) {
    const log = field.range.log && field.range.min <= 0 ? ' (a log axis starts above 0)' : '';
    return { on: 'range', message: `${name}: the range ${range} is outside ${boundText(floor)}…${boundText(field.range.max)}${log}` };
  }
  if (field.type === 'integer' && new Set(axisValues(axis)).size < axis.cells)
    return {
      on: 'cells',
      message: `${name}: ${axis.cells} cells need ${axis.cells} different whole numbers, and ${range} does not hold that many on this axis; use fewer cells or a wider range`,
    };
  return null;
}

/** Why a map cannot be laid out (either axis, or both on one field), or null. */
export function checkMapSpec(spec: MapSpec): string | null {
  if (spec.x.key === spec.y.key) return `both axes are ${String(spec.x.key)}: a map needs two different settings`;
  return (checkAxis(spec.x) ?? checkAxis(spec.y))?.message ?? null;
}

/** The scenario cell (i, j) runs: the base with column i's x value and row j's y value. */
export function cellScenario(base: Scenario, spec: MapSpec, i: number, j: number, values = { x: axisValues(spec.x), y: axisValues(spec.y) }): Scenario {
  return { ...base, hidden: [...base.hidden], [spec.x.key]: values.x[i]!, [spec.y.key]: values.y[j]! };
}

/** Where `value` sits on an axis as a fractional cell index (0 … cells − 1), or null when outside its range. */
export function axisPosition(axis: MapAxis, value: number): number | null {
  if (!(value >= axis.min && value <= axis.max)) return null;
  const t = isLogAxis(axis) ? Math.log10(value / axis.min) / Math.log10(axis.max / axis.min) : (value - axis.min) / (axis.max - axis.min);
  return t * (axis.cells - 1);
}

/** The cell nearest to the scenario's own values, or null when either lies outside the map. */
export function currentCell(spec: MapSpec, scenario: Scenario): { i: number; j: number } | null {
  const i = axisPosition(spec.x, scenario[spec.x.key] as number);
  const j = axisPosition(spec.y, scenario[spec.y.key] as number);
  return i === null || j === null ? null : { i: Math.round(i), j: Math.round(j) };
}

/** True when the field's value lies past the slider's usual end (allowed, but marked). */
export function pastUsual(axis: MapAxis, value: number): boolean {
  const usual = mapField(axis.key)?.range.usualMax;
  return usual !== undefined && value > usual;
}

/** A field's label, for axis titles and the hover text. */
export function fieldLabel(key: keyof Scenario): string {
  return FIELD_BY_KEY.get(key)?.label ?? String(key);
}
