/**
 * The stability map's settings: the field on each axis (any numeric setting), its range and its
 * cells, and the backend the cells run on. Typed values are read by the same rules as a link's, and
 * a map that cannot be laid out says why, naming the field; nothing is computed until it can.
 */
import { useState } from 'react';
import type { Scenario } from '../engine/scenario';
import { formatNumber, parseSetting } from '../scenarios/codec';
import { MAP_BACKENDS, mapLinkQuery, type MapBackend, type OpenMap } from '../scenarios/mapLink';
import { MAP_FIELDS, checkMapSpec, defaultAxis, fieldLabel, mapField, type MapAxis } from '../scenarios/stabilityGrid';

interface AxisDraft {
  key: keyof Scenario;
  min: string;
  max: string;
  cells: string;
}

interface Draft {
  x: AxisDraft;
  y: AxisDraft;
  backend: MapBackend;
}

const draftOf = (a: MapAxis): AxisDraft => ({ key: a.key, min: formatNumber(a.min), max: formatNumber(a.max), cells: String(a.cells) });
const startDraft = (start: OpenMap): Draft => ({ x: draftOf(start.spec.x), y: draftOf(start.spec.y), backend: start.backend });

type Read = { ok: true; map: OpenMap } | { ok: false; message: string };

function readAxis(d: AxisDraft): { ok: true; axis: MapAxis } | { ok: false; message: string } {
  const ends: number[] = [];
  for (const [word, text] of [
    ['from', d.min],
    ['to', d.max],
  ] as const) {
    const r = parseSetting(d.key, text.trim());
    if (!r.ok) return { ok: false, message: `${fieldLabel(d.key)} ${word}: “${text}” is ${r.reason}` };
    ends.push(r.value as number);
  }
  const cells = Number(d.cells.trim());
  if (!/^\d+$/.test(d.cells.trim())) return { ok: false, message: `${fieldLabel(d.key)} cells: “${d.cells}” is not a whole number (2 to 32)` };
  return { ok: true, axis: { key: d.key, min: ends[0]!, max: ends[1]!, cells } };
}

/** The map a draft describes, or a message naming what to change. */
export function readDraft(d: Draft): Read {
  const x = readAxis(d.x);
  if (!x.ok) return x;
  const y = readAxis(d.y);
  if (!y.ok) return y;
  const spec = { x: x.axis, y: y.axis };
  const problem = checkMapSpec(spec);
  return problem ? { ok: false, message: problem } : { ok: true, map: { spec, backend: d.backend } };
}

interface Props {
  scenario: Scenario;
  /** The map to start from: the open one, or the default one of this scenario. */
  start: OpenMap;
  busy: boolean;
  onCompute(map: OpenMap): void;
}

// Made once: React skips an element it is given again, and these lists never change (a scenario change rendered them
// afresh in both selects, twice, since a new scenario gives the pickers a new default map).
const FIELD_OPTIONS = MAP_FIELDS.map((f) => (
  <option key={f.key} value={f.key}>
    {f.label}
  </option>
));
const BACKEND_OPTIONS = MAP_BACKENDS.map((b) => (
  <option key={b} value={b}>
    {b}
  </option>
));

export function MapPickers({ scenario, start, busy, onCompute }: Props) {
  const [draft, setDraft] = useState<Draft>(() => startDraft(start));
  const [error, setError] = useState<string | null>(null);
  // A new map from outside (a link, Back, another scenario) replaces the draft; the map this draft
  // just computed does not. Adjusting state here, rather than remounting the pickers with a key,
  // keeps Compute from rebuilding both field lists in the task that opens the map (a long task).
  const startQuery = mapLinkQuery(start);
  const [followed, setFollowed] = useState(startQuery);
  if (followed !== startQuery) {
    setFollowed(startQuery);
    const own = readDraft(draft);
    if (!own.ok || mapLinkQuery(own.map) !== startQuery) {
      setDraft(startDraft(start));
      setError(null);
    }
  }
  const setAxis = (which: 'x' | 'y', patch: Partial<AxisDraft>): void => {
    setError(null);
    setDraft((d) => ({ ...d, [which]: { ...d[which], ...patch } }));
  };
  // A new field gets its own default range around the scenario's value.
  const pick = (which: 'x' | 'y', key: keyof Scenario): void => {
    setError(null);
    setDraft((d) => ({ ...d, [which]: draftOf(defaultAxis(mapField(key)!, scenario[key] as number, Number(d[which].cells) || undefined)) }));
  };
  const compute = (): void => {
    const r = readDraft(draft);
    if (r.ok) onCompute(r.map);
    else setError(r.message);
  };

  const axisRow = (which: 'x' | 'y', title: string) => {
    const a = draft[which];
    return (
      <fieldset className="map-axis">
        <legend>{title}</legend>
        <select
          aria-label={`${title}: setting`}
          data-testid={`map-${which}-field`}
          value={a.key}
          onChange={(e) => pick(which, e.target.value as keyof Scenario)}
        >
          {FIELD_OPTIONS}
        </select>
        <input
          aria-label={`${title}: from`}
          data-testid={`map-${which}-min`}
          size={7}
          value={a.min}
          onChange={(e) => setAxis(which, { min: e.target.value })}
        />
        <span aria-hidden="true">…</span>
        <input aria-label={`${title}: to`} data-testid={`map-${which}-max`} size={7} value={a.max} onChange={(e) => setAxis(which, { max: e.target.value })} />
        <input
          aria-label={`${title}: cells`}
          data-testid={`map-${which}-cells`}
          size={2}
          value={a.cells}
          onChange={(e) => setAxis(which, { cells: e.target.value })}
        />
        <span className="muted">cells{mapField(a.key)?.range.log ? ', log' : ''}</span>
      </fieldset>
    );
  };

  return (
    <form
      className="map-pickers"
      onSubmit={(e) => {
        e.preventDefault();
        compute();
      }}
    >
      {axisRow('x', 'Across')}
      {axisRow('y', 'Up')}
      <div className="map-run-row">
        <label className="inline">
          on
          <select data-testid="map-backend" value={draft.backend} onChange={(e) => setDraft((d) => ({ ...d, backend: e.target.value as MapBackend }))}>
            {BACKEND_OPTIONS}
          </select>
        </label>
        <button type="submit" className="primary" data-testid="map-compute" disabled={busy}>
          Compute map
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="map-error">
          {error}
        </p>
      )}
    </form>
  );
}
