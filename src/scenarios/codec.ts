/**
 * Scenario ↔ URL query string. Links are shared between people and outlive releases, so decoding
 * never throws: whatever cannot be read is dropped and reported, and the rest of the link still
 * opens. Only values that differ from the base (the default, or a named preset) are written.
 */
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { FIELDS, FIELD_BY_KEY, FIELD_BY_URL, PRESET_KEY, URL_VERSION, VERSION_KEY, boundText, type Field } from './schema';
import { presetById, presetScenario } from './presets';
import { restoreScenario, restoreSetting, type RejectedKey, type SettingSource } from './restore';
import { sameFieldValue } from './sameValue';

export type { RejectedKey } from './restore';

export interface DecodedScenario {
  scenario: Scenario;
  rejected: RejectedKey[];
  /** The preset the link named, when it named a known one. */
  preset?: string;
}

/** Longer values are refused before parsing; no legitimate value comes close. */
const MAX_VALUE_LENGTH = 200;
/** A link with more bad keys than this is garbage; the notice lists this many and a count of the rest. */
export const MAX_REPORTED = 50;
const SHOWN_CHARS = 40;

/** A value as shown in a notice: cut short, so a 10 kB value cannot flood the page. */
export function shorten(text: string): string {
  const chars = Array.from(text); // by code point, so a cut never splits a surrogate pair
  return chars.length <= SHOWN_CHARS ? text : `${chars.slice(0, SHOWN_CHARS).join('')}… (${chars.length} characters)`;
}

/**
 * How a number is written: plain, or exponent notation when much shorter (1e12, not 1000000000000); both
 * exact, without "+" in the exponent because it would need escaping in a URL.
 */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '0';
  const plain = String(n).replace('e+', 'e');
  const exponent = n.toExponential().replace('e+', 'e');
  // Plain reads better (0.001, not 1e-3) until the zeros start to hide the magnitude.
  return exponent.length <= plain.length - 3 ? exponent : plain;
}

function formatValue(field: Field, value: Scenario[keyof Scenario]): string {
  if (field.type === 'boolean') return value ? '1' : '0';
  if (field.type === 'integerList') return (value as number[]).map(formatNumber).join(',');
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

// Plain decimal notation only: Number() would also accept "", " ", "0x1F", "Infinity" and "1_000".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };
/** A decimal number past what a double holds (1e400). */
const TOO_LARGE = 'not a finite number (too large)';

function parseNumber(text: string): Parsed {
  // A literal "+" in a hand-typed exponent arrives as a space after form decoding.
  const repaired = text.replace(/^(.*[eE]) (\d+)$/, '$1+$2');
  if (/^[+-]?(nan|inf(inity)?)$/i.test(repaired)) return { ok: false, reason: 'not a finite number' };
  if (!DECIMAL.test(repaired)) return { ok: false, reason: 'not a number' };
  const value = Number(repaired);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: TOO_LARGE };
}

/**
 * 1e400 is a decimal number past what a double holds: refuse it by the field's own bound, in the
 * words the range check uses for any other value past it (the bound is the useful part).
 */
function withinDouble(range: { min: number; max: number }, parsed: Parsed, text: string): Parsed {
  if (parsed.ok || parsed.reason !== TOO_LARGE) return parsed;
  return { ok: false, reason: text.trim().startsWith('-') ? `below the minimum ${boundText(range.min)}` : `above the maximum ${boundText(range.max)}` };
}

/** Turn the text of one URL value into a typed value for its field (range checks come after). */
function parseText(field: Field, text: string): Parsed {
  if (text.length === 0) return { ok: false, reason: 'empty value' };
  if (text.length > MAX_VALUE_LENGTH) return { ok: false, reason: `value too long (${text.length} characters)` };
  switch (field.type) {
    case 'number':
    case 'integer':
      return withinDouble(field.range, parseNumber(text), text);
    case 'integerList': {
      const items = text.split(',');
      const values: number[] = [];
      for (const [i, item] of items.entries()) {
        const parsed = parseNumber(item);
        if (!parsed.ok) return { ok: false, reason: `item ${i + 1} (${shorten(item) || 'empty'}) is ${parsed.reason}` };
        values.push(parsed.value as number);
      }
      return { ok: true, value: values };
    }
    case 'boolean':
      if (text === '1' || text === 'true') return { ok: true, value: true };
      if (text === '0' || text === 'false') return { ok: true, value: false };
      return { ok: false, reason: 'not 1/0 or true/false' };
    case 'enum':
      return { ok: true, value: text };
  }
}

/** Look a URL key up by its short name, or by the full scenario field name as an alias. */
function fieldForKey(key: string): Field | undefined {
  return FIELD_BY_URL.get(key) ?? FIELD_BY_KEY.get(key as keyof Scenario);
}

/** Settings as text: a link's query, `--set key=value`, a control's text box. */
const TEXT_SETTINGS: SettingSource = {
  fieldFor: fieldForKey,
  read: (field, raw) => parseText(field, String(raw)),
  show: String,
};

/**
 * Read and validate one value for one key, as a URL or `--set key=value` gives it.
 * Returns the field and typed value, or a reason naming what is wrong.
 */
export function parseSetting(key: string, text: string): { ok: true; field: Field; value: unknown } | { ok: false; reason: string } {
  return restoreSetting(key, text, TEXT_SETTINGS);
}

/** The query string of a scenario: `v=1` first, then non-default fields in table order. */
export function encodeScenario(scenario: Scenario, options: { preset?: string } = {}): string {
  const preset = options.preset === undefined ? undefined : presetById(options.preset);
  const base: Scenario = preset ? presetScenario(preset) : { ...DEFAULT_SCENARIO };
  const parts = [`${VERSION_KEY}=${URL_VERSION}`];
  if (preset) parts.push(`${PRESET_KEY}=${encodeURIComponent(preset.id)}`);
  for (const field of FIELDS) {
    const value = scenario[field.key];
    if (sameFieldValue(value, base[field.key])) continue;
    // Commas separate list items and are legal in a query, so they stay readable.
    parts.push(`${field.url}=${encodeURIComponent(formatValue(field, value)).replace(/%2C/g, ',')}`);
  }
  return parts.join('&');
}

/** The query part of what a user pasted: a full URL, a path with a query, or a bare query string. */
export function queryOf(input: string): string {
  const withoutHash = input.split('#')[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(withoutHash) || withoutHash.startsWith('/')) {
    const q = withoutHash.indexOf('?');
    return q < 0 ? '' : withoutHash.slice(q + 1);
  }
  return withoutHash.startsWith('?') ? withoutHash.slice(1) : withoutHash;
}

/** Read a scenario from a query string; never throws, reports every key it ignores and why. */
export function decodeScenario(query: string | URLSearchParams): DecodedScenario {
  const rejected: RejectedKey[] = [];
  let dropped = 0;
  const reject = (key: string, value: string, reason: string): void => {
    if (rejected.length < MAX_REPORTED) rejected.push({ key: shorten(key), value: shorten(value), reason });
    else dropped += 1;
  };

  let entries: [string, string][];
  try {
    entries = [...(typeof query === 'string' ? new URLSearchParams(queryOf(query)) : query).entries()];
  } catch {
    // URLSearchParams does not throw on bad escapes today; this keeps the promise if a runtime ever does.
    return {
      scenario: { ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden] },
      rejected: [{ key: '(query)', value: '', reason: 'unreadable query string' }],
    };
  }

  // The last occurrence of a key wins (later parameters are usually the ones a person appended).
  const lastIndex = new Map<string, number>();
  entries.forEach(([key], i) => {
    const field = fieldForKey(key);
    lastIndex.set(field ? field.key : key, i);
  });

  let presetId: string | undefined;
  const settings: [string, string][] = [];
  entries.forEach(([key, value], i) => {
    const field = fieldForKey(key);
    const canonical = field ? field.key : key;
    if (lastIndex.get(canonical) !== i) {
      reject(key, value, `repeated key; the later ${field ? field.url : key}= is used`);
      return;
    }
    if (key === VERSION_KEY) {
      if (value !== String(URL_VERSION)) reject(key, value, `unknown link version; read as version ${URL_VERSION}`);
      return;
    }
    if (key === PRESET_KEY) {
      if (presetById(value)) presetId = value;
      else reject(key, value, 'no preset with this id');
      return;
    }
    settings.push([key, value]);
  });

  const preset = presetId === undefined ? undefined : presetById(presetId);
  // Explicit keys override the preset.
  const { scenario, rejected: refused } = restoreScenario(preset ? presetScenario(preset) : DEFAULT_SCENARIO, settings, TEXT_SETTINGS);
  for (const r of refused) reject(r.key, r.value, r.reason);
  if (dropped > 0) rejected.push({ key: '…', value: '', reason: `${dropped} more ignored keys not listed` });
  return preset ? { scenario, rejected, preset: preset.id } : { scenario, rejected };
}

/** One line of a notice, e.g. `ignored lr=abc: not a number`. */
export function describeRejected(r: RejectedKey): string {
  return `ignored ${r.key}=${r.value}: ${r.reason}`;
}

/** The page title: the preset's title when the scenario is exactly a preset, else its main settings. */
export function scenarioTitle(scenario: Scenario, presetId?: string): string {
  const preset = presetId === undefined ? undefined : presetById(presetId);
  if (preset && encodeScenario(scenario, { preset: preset.id }) === encodeScenario(presetScenario(preset), { preset: preset.id })) {
    return `${preset.title} · NaN playground`;
  }
  const parts = [scenario.model, scenario.loss, `${scenario.optimizer} lr ${formatNumber(scenario.lr)}`];
  if (scenario.precision !== 'float32') parts.push(scenario.precision);
  return `${parts.join(' · ')}${preset ? ` (from ${preset.title})` : ''} · NaN playground`;
}
