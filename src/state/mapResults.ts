/**
 * What the page keeps of stability maps: each map's cells under a key naming everything they depend
 * on (the scenario apart from the two axis fields, the grid and the backend), so reopening a map,
 * or opening one of its cells, which changes only those two fields, shows it at once; how long the
 * rest will take; and the CSV a map exports.
 */
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { encodeScenario } from '../scenarios/codec';
import { mapLinkQuery, type OpenMap } from '../scenarios/mapLink';
import type { MapCell, MapSpec } from '../scenarios/stabilityGrid';
import { FIELD_BY_KEY } from '../scenarios/schema';

/** Maps kept per page: a 32 × 32 map is about 100 kB of cells. */
const MAX_MAPS = 24;

/** The key of a map's cells: the scenario with its two axis fields at their defaults, the grid, the backend. */
export function mapCacheKey(base: Scenario, map: OpenMap): string {
  const { x, y } = map.spec;
  const rest: Scenario = { ...base, [x.key]: DEFAULT_SCENARIO[x.key], [y.key]: DEFAULT_SCENARIO[y.key] };
  return `${encodeScenario(rest)}#${mapLinkQuery(map)}`;
}

/** The cells of every map computed on this page, complete or not, by key (oldest dropped first). */
export class MapCache {
  private readonly maps = new Map<string, (MapCell | null)[]>();

  /** The cells known for `key` (null where not computed yet), or undefined for a map never started. */
  get(key: string): readonly (MapCell | null)[] | undefined {
    return this.maps.get(key);
  }

  /** Record one cell of the map `key` of `total` cells. */
  put(key: string, total: number, index: number, cell: MapCell): void {
    let cells = this.maps.get(key);
    if (!cells) {
      cells = new Array<MapCell | null>(total).fill(null);
      if (this.maps.size >= MAX_MAPS) this.maps.delete(this.maps.keys().next().value!);
    } else this.maps.delete(key); // re-inserted below: the newest map is the last to go
    cells[index] = cell;
    this.maps.set(key, cells);
  }
}

/** Cell (i, j)'s place in a map's cell list: row by row, as the CLI prints them. */
export const cellIndex = (spec: MapSpec, i: number, j: number): number => j * spec.x.cells + i;

/**
 * Milliseconds left at the pace so far: the time each cell has taken on average, for the cells
 * still to do, shared by the workers. Null before the first cell (no pace yet).
 */
export function timeLeftMs(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0) return null;
  return (elapsedMs / done) * (total - done);
}

const csvText = (v: number | string | null | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`;

/** The map as CSV: one row per cell, the axis fields by their link names; NaN and ±Infinity as JavaScript writes them. */
export function mapCsv(spec: MapSpec, cells: readonly (MapCell | null)[]): string {
  const url = (key: keyof Scenario): string => FIELD_BY_KEY.get(key)!.url;
  const head = ['i', 'j', url(spec.x.key), url(spec.y.key), 'first_non_finite_step', 'kind', 'quantity', 'final_loss', 'error'];
  const rows = cells
    .filter((c): c is MapCell => c !== null)
    .map((c) => [c.i, c.j, c.x, c.y, c.firstNonFinite, c.kind, c.quantity, c.finalLoss, c.error].map(csvText).join(','));
  return [head.join(','), ...rows].join('\n') + '\n';
}

export type MapStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** The map on screen as the page's map runner sees it: its cells so far and how the computation goes. */
export interface MapProgress {
  /** The cache key of the map these cells belong to (mapCacheKey), or null before any. */
  key: string | null;
  /** Row by row (cellIndex); null where not computed yet. */
  cells: readonly (MapCell | null)[];
  done: number;
  total: number;
  status: MapStatus;
  /** Estimated milliseconds until the last cell, while running. */
  leftMs: number | null;
  /** Why the map stopped (an error), or null. */
  message: string | null;
  /** Map workers computing it. */
  workers: number;
}

export const IDLE_MAP: MapProgress = { key: null, cells: [], done: 0, total: 0, status: 'idle', leftMs: null, message: null, workers: 0 };
