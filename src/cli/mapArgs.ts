/**
 * The `map` command's own flags: --x and --y (a field by its name or its link name), --x-range and
 * --y-range (min,max), --nx and --ny (cells per axis). Every error names the flag at fault and what
 * to give instead, as the rest of args.ts does.
 */
import type { Scenario } from '../engine/scenario';
import { parseSetting } from '../scenarios/codec';
import { FIELD_BY_KEY, FIELD_BY_URL } from '../scenarios/schema';
import {
  MAP_DEFAULT_KEYS,
  MAP_FIELDS,
  MAP_MAX_CELLS,
  MAP_MIN_CELLS,
  checkAxis,
  defaultAxis,
  mapField,
  type MapAxis,
  type MapSpec,
} from '../scenarios/stabilityGrid';

export const MAP_FLAGS = ['--x', '--y', '--x-range', '--y-range', '--nx', '--ny'] as const;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function axisKey(flag: string, text: string | undefined, fallback: keyof Scenario): Parsed<keyof Scenario> {
  if (text === undefined) return { ok: true, value: fallback };
  const field = FIELD_BY_KEY.get(text as keyof Scenario) ?? FIELD_BY_URL.get(text);
  if (field && mapField(field.key)) return { ok: true, value: field.key };
  const names = MAP_FIELDS.map((f) => f.key).join(', ');
  return { ok: false, error: `${flag} ${text}: ${field ? 'not a numeric setting' : 'no such setting'}; the map's axes can be ${names}` };
}

function cellCount(flag: string, text: string | undefined): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  if (!/^\d+$/.test(text.trim())) return { ok: false, error: `${flag} ${text}: expected a whole number of cells from ${MAP_MIN_CELLS} to ${MAP_MAX_CELLS}` };
  return { ok: true, value: Number(text) };
}

/** "1e-6,1": both ends read as the field's own values are (its type and its range). */
function range(flag: string, key: keyof Scenario, text: string | undefined): Parsed<[number, number] | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const parts = text.split(',');
  if (parts.length !== 2) return { ok: false, error: `${flag} ${text}: expected min,max (two numbers and a comma, e.g. 1e-6,1)` };
  const ends: number[] = [];
  for (const part of parts) {
    const r = parseSetting(key, part.trim());
    if (!r.ok) return { ok: false, error: `${flag} ${text}: ${part.trim() || '(empty)'} is ${r.reason}` };
    ends.push(r.value as number);
  }
  return { ok: true, value: [ends[0]!, ends[1]!] };
}

function axis(name: 'x' | 'y', values: ReadonlyMap<string, string[]>, scenario: Scenario, linked: MapAxis | null): Parsed<MapAxis> {
  const [keyFlag, rangeFlag, cellsFlag] = [`--${name}`, `--${name}-range`, `--n${name}`];
  const key = axisKey(keyFlag, values.get(keyFlag)?.[0], linked?.key ?? MAP_DEFAULT_KEYS[name]);
  if (!key.ok) return key;
  const cells = cellCount(cellsFlag, values.get(cellsFlag)?.[0]);
  if (!cells.ok) return cells;
  const given = range(rangeFlag, key.value, values.get(rangeFlag)?.[0]);
  if (!given.ok) return given;
  // The link's axis where it is the same field; the default one around the scenario's value otherwise.
  const fallback =
    linked?.key === key.value
      ? { ...linked, cells: cells.value ?? linked.cells }
      : defaultAxis(mapField(key.value)!, scenario[key.value] as number, cells.value);
  const built: MapAxis = { key: key.value, min: given.value?.[0] ?? fallback.min, max: given.value?.[1] ?? fallback.max, cells: cells.value ?? fallback.cells };
  const problem = checkAxis(built);
  if (!problem) return { ok: true, value: built };
  const flag = problem.on === 'cells' ? cellsFlag : problem.on === 'range' ? rangeFlag : keyFlag;
  const shown = values.get(flag)?.[0];
  return { ok: false, error: `${flag}${shown === undefined ? '' : ` ${shown}`}: ${problem.message}` };
}

/** The map a command line asks for over `scenario` (the flags over `linked`, a link's map), or one line naming the flag at fault. */
export function parseMapFlags(values: ReadonlyMap<string, string[]>, scenario: Scenario, linked: MapSpec | null = null): Parsed<MapSpec> {
  for (const flag of MAP_FLAGS) if ((values.get(flag)?.length ?? 0) > 1) return { ok: false, error: `flag ${flag} given more than once` };
  const x = axis('x', values, scenario, linked?.x ?? null);
  if (!x.ok) return x;
  const y = axis('y', values, scenario, linked?.y ?? null);
  if (!y.ok) return y;
  if (x.value.key === y.value.key) return { ok: false, error: `--x and --y are both ${String(x.value.key)}: a map needs two different settings` };
  return { ok: true, value: { x: x.value, y: y.value } };
}
