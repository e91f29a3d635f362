/**
 * Untrusted settings → a valid scenario. A link and an imported run file both hand over key/value
 * pairs nobody has checked; both come through here, so the same bad key is refused the same way,
 * with a reason naming what is wrong, and everything else still applies.
 */
import type { Scenario } from '../engine/scenario';
import { checkFieldValue, type Field } from './schema';

/** A setting that was not applied: the key and value as given (for the notice) and why. */
export interface RejectedKey {
  key: string;
  value: string;
  reason: string;
}

/** Where settings come from: how a key names a field, how a raw value becomes a typed one, how it is shown. */
export interface SettingSource {
  fieldFor(key: string): Field | undefined;
  /** The typed value for the field (range checks come after, from the schema), or why there is none. */
  read(field: Field, raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string };
  show(raw: unknown): string;
}

/** One untrusted key and value: its field and checked value, or the reason it is refused. */
export function restoreSetting(key: string, raw: unknown, source: SettingSource): { ok: true; field: Field; value: unknown } | { ok: false; reason: string } {
  const field = source.fieldFor(key);
  if (!field) return { ok: false, reason: 'unknown key' };
  const read = source.read(field, raw);
  if (!read.ok) return read;
  const problem = checkFieldValue(field.key, read.value);
  return problem === null ? { ok: true, field, value: read.value } : { ok: false, reason: problem };
}

/** A copy of `base` with every acceptable setting applied, and the others listed in the order given. */
export function restoreScenario(
  base: Scenario,
  settings: Iterable<readonly [key: string, raw: unknown]>,
  source: SettingSource,
): { scenario: Scenario; rejected: RejectedKey[] } {
  const scenario = structuredClone(base);
  const rejected: RejectedKey[] = [];
  for (const [key, raw] of settings) {
    const result = restoreSetting(key, raw, source);
    // The cast is safe: restoreSetting checked the value against this field's schema.
    if (result.ok) (scenario as unknown as Record<string, unknown>)[result.field.key] = result.value;
    else rejected.push({ key, value: source.show(raw), reason: result.reason });
  }
  return { scenario, rejected };
}
