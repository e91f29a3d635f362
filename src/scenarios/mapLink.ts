/**
 * A stability map in a link: `map=lr,scale` names the two fields (link names or field names),
 * `mapx=` and `mapy=` their ranges (min,max), `mapn=` the cells per axis (12,12 when left out) and
 * `mapbe=` the backend it runs on (cpu when left out). The ranges are always written, because the
 * default ones follow the current values and those change when a cell is opened. A link without
 * `map=` has no map; a link with a bad part still opens, with that part at its default and the
 * reason reported like any other rejected key.
 */
import type { Scenario } from '../engine/scenario';
import { formatNumber, parseSetting, type RejectedKey } from './codec';
import { FIELD_BY_KEY, FIELD_BY_URL } from './schema';
import { MAP_DEFAULT_CELLS, checkAxis, defaultAxis, mapField, type MapAxis, type MapSpec } from './stabilityGrid';

export const MAP_BACKENDS = ['cpu', 'wasm'] as const;
export type MapBackend = (typeof MAP_BACKENDS)[number];

/** The map a page shows: its grid and the backend its cells run on. */
export interface OpenMap {
  spec: MapSpec;
  backend: MapBackend;
}

/** The link keys of a map, which the scenario codec must leave alone. */
export const MAP_LINK_KEYS = ['map', 'mapx', 'mapy', 'mapn', 'mapbe'] as const;

const pair = (raw: string): string[] => raw.split(',').map((p) => p.trim());

function fieldKey(name: string): keyof Scenario | null {
  const field = FIELD_BY_URL.get(name) ?? FIELD_BY_KEY.get(name as keyof Scenario);
  return field && mapField(field.key) ? field.key : null;
}

/** Read a map from a link's parameters; `scenario` gives the default ranges. Null when the link names no map (or none it can use). */
export function readMapLink(params: URLSearchParams, scenario: Scenario): { map: OpenMap | null; rejected: RejectedKey[] } {
  const rejected: RejectedKey[] = [];
  const raw = params.get('map');
  if (raw === null) return { map: null, rejected };
  const keys = pair(raw).map(fieldKey);
  if (keys.length !== 2 || keys[0] === null || keys[1] === null || keys[0] === keys[1]) {
    const reason = 'expected two different numeric settings by their link names, e.g. map=lr,scale';
    return { map: null, rejected: [{ key: 'map', value: raw, reason }] };
  }
  const cellsRaw = params.get('mapn');
  const cells = cellsRaw === null ? [MAP_DEFAULT_CELLS, MAP_DEFAULT_CELLS] : pair(cellsRaw).map(Number);
  const validCells = cells.length === 2 && cells.every((n) => Number.isInteger(n));
  if (!validCells) rejected.push({ key: 'mapn', value: cellsRaw ?? '', reason: 'expected the cells across and up, e.g. mapn=12,12' });

  const axis = (which: 0 | 1, rangeKey: 'mapx' | 'mapy'): MapAxis => {
    const key = keys[which]!;
    const n = validCells ? cells[which]! : MAP_DEFAULT_CELLS;
    const fallback = defaultAxis(mapField(key)!, scenario[key] as number, n);
    const rangeRaw = params.get(rangeKey);
    let built: MapAxis = { ...fallback, cells: n };
    if (rangeRaw !== null) {
      const ends = pair(rangeRaw).map((p) => parseSetting(key, p));
      if (ends.length === 2 && ends.every((e) => e.ok)) built = { ...built, min: ends[0]!.value as number, max: ends[1]!.value as number };
      else rejected.push({ key: rangeKey, value: rangeRaw, reason: `expected min,max of ${String(key)} within its range; the default range is used` });
    }
    const problem = checkAxis(built);
    if (!problem) return built;
    rejected.push({
      key: problem.on === 'cells' ? 'mapn' : rangeKey,
      value: problem.on === 'cells' ? (cellsRaw ?? '') : (rangeRaw ?? ''),
      reason: problem.message,
    });
    return defaultAxis(mapField(key)!, scenario[key] as number);
  };
  const spec = { x: axis(0, 'mapx'), y: axis(1, 'mapy') };
  const backendRaw = params.get('mapbe');
  const backend = backendRaw === null ? 'cpu' : (MAP_BACKENDS as readonly string[]).includes(backendRaw) ? (backendRaw as MapBackend) : null;
  if (backend === null) rejected.push({ key: 'mapbe', value: backendRaw ?? '', reason: 'the map runs on cpu or wasm; cpu is used' });
  return { map: { spec, backend: backend ?? 'cpu' }, rejected };
}

/** The link part of an open map ('' for none). */
export function mapLinkQuery(map: OpenMap | null): string {
  if (!map) return '';
  const { x, y } = map.spec;
  const url = (key: keyof Scenario): string => FIELD_BY_KEY.get(key)!.url;
  const parts = [`map=${url(x.key)},${url(y.key)}`, `mapx=${formatNumber(x.min)},${formatNumber(x.max)}`, `mapy=${formatNumber(y.min)},${formatNumber(y.max)}`];
  if (x.cells !== MAP_DEFAULT_CELLS || y.cells !== MAP_DEFAULT_CELLS) parts.push(`mapn=${x.cells},${y.cells}`);
  if (map.backend !== 'cpu') parts.push(`mapbe=${map.backend}`);
  return parts.join('&');
}
