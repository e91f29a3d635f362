/**
 * Scenario ⇄ address bar. Control changes replace the history entry (a slider drag must not fill
 * the Back button); structural and preset changes push one, so Back/Forward walk between models.
 * Framework-free: the history and location are passed in, so tests can use plain objects.
 */
import type { Scenario } from '../engine/scenario';
import { sameFieldValue } from '../scenarios/sameValue';
import { FIELD_BY_KEY } from '../scenarios/schema';
import { DEFAULT_SPEED, SPEED_RULE, parseSpeed, type Speed } from '../scenarios/speed';
import type { RejectedKey } from './appState';
import { mapLinkQuery, type OpenMap } from '../scenarios/mapLink';
import { classroomQuery, type ClassroomView } from './classroom';
import { decodeScenario, encodeScenario } from './codecAdapter';

export interface LocationFlags {
  autoplay: boolean;
  embed: boolean;
  /** The training speed from ?speed=, when given and valid. */
  speed: Speed | null;
}

export interface DecodedLocation extends LocationFlags {
  scenario: Scenario;
  rejected: RejectedKey[];
  /** The preset the link named, if any: later edits are encoded relative to it. */
  preset: string | null;
  /** What the page should tell about how it read the link (settings found after # instead of ?). */
  notes: string[];
  /** The address names nothing at all (no query, no settings after #): the start screen, the lessons, opens. */
  start: boolean;
}

export interface HistoryLike {
  pushState(data: unknown, unused: string, url?: string): void;
  replaceState(data: unknown, unused: string, url?: string): void;
}

/**
 * The settings of a location: its query, or, when it has none, what follows "#" as a query
 * (TF Playground writes its links as #activation=tanh&…). An anchor such as #controls holds no
 * "=" and is left alone.
 */
function settingsOf(search: string, hash: string): { query: string; fromHash: boolean } {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (query === '' && fragment.includes('=')) return { query: fragment, fromHash: true };
  return { query, fromHash: false };
}

/** Read the address bar; `hash` is read only where there is no query, and `notes` then says so. */
export function readLocation(search: string, hash = ''): DecodedLocation {
  const { query, fromHash } = settingsOf(search, hash);
  const params = new URLSearchParams(query);
  const { scenario, rejected, preset } = decodeScenario(query);
  const speedRaw = params.get('speed');
  const speed = speedRaw === null ? null : parseSpeed(speedRaw);
  if (speedRaw !== null && speed === null) rejected.push({ key: 'speed', value: speedRaw, reason: `expected ${SPEED_RULE}` });
  const notes = fromHash
    ? [`This link puts its settings after # (#${shortened(query)}): they were read as a query (?${shortened(query)}), as links to this playground write them.`]
    : [];
  return {
    scenario,
    rejected,
    preset: preset ?? null,
    start: query.trim() === '',
    autoplay: params.get('autoplay') === '1',
    embed: params.get('embed') === '1',
    speed,
    notes,
  };
}

/** A query as a notice shows it: a long one is cut, so a pasted 10 kB hash cannot flood the page. */
const shortened = (query: string): string => (query.length <= 60 ? query : `${query.slice(0, 60)}…`);

export interface UrlContext {
  embed: boolean;
  preset: string | null;
  speed: Speed;
  classroom: ClassroomView | null;
  /** The open stability map, kept in the link through edits. */
  map?: OpenMap | null;
}

/**
 * The query for a scenario. `embed` and a classroom view survive edits so a slide keeps its layout, and a speed other
 * than the default survives a reload (a class set to 1 step per frame stays at 1).
 */
export function queryFor(scenario: Scenario, flags: UrlContext): string {
  const encoded = encodeScenario(scenario, flags.preset ? { preset: flags.preset } : {});
  const extra = [
    flags.embed ? 'embed=1' : '',
    flags.speed !== DEFAULT_SPEED ? `speed=${flags.speed}` : '',
    classroomQuery(flags.classroom),
    mapLinkQuery(flags.map ?? null),
  ];
  const parts = [encoded, ...extra].filter((p) => p.length > 0);
  return parts.length > 0 ? `?${parts.join('&')}` : '?';
}

export function writeLocation(history: HistoryLike, pathname: string, scenario: Scenario, flags: UrlContext, mode: 'push' | 'replace'): string {
  const url = `${pathname}${queryFor(scenario, flags)}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  return url;
}

/** The structural fields that differ between two scenarios (a change to any of them rebuilds the model). */
export function structuralChanges(a: Scenario, b: Scenario): (keyof Scenario)[] {
  const out: (keyof Scenario)[] = [];
  for (const key of Object.keys(b) as (keyof Scenario)[]) {
    if (sameFieldValue(a[key], b[key])) continue;
    if (FIELD_BY_KEY.get(key)?.structural ?? true) out.push(key);
  }
  return out;
}

/** Every field that differs. */
export function changedFields(a: Scenario, b: Scenario): (keyof Scenario)[] {
  return (Object.keys(b) as (keyof Scenario)[]).filter((k) => !sameFieldValue(a[k], b[k]));
}
