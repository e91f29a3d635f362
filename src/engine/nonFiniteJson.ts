/**
 * NaN and ±Infinity in JSON. JSON has no such numbers and JSON.stringify silently writes null for
 * them, which would erase exactly what this tool exists to show; the run file and the CLI write
 * them as the strings "NaN", "Infinity" and "-Infinity" instead, and read those back as numbers.
 * Beside records.ts because the records are what carries them; every layer may import the engine.
 */

const DECODED: ReadonlyMap<unknown, number> = new Map([
  ['NaN', Number.NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
]);

/** JSON.stringify replacer: a non-finite number becomes its string ("NaN", "Infinity", "-Infinity"). */
export function encodeNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/**
 * JSON.parse reviver: the strings encodeNonFinite writes become numbers again. A string field whose
 * value is exactly "NaN" would too; no field of a record or a scenario holds such a string.
 */
export function decodeNonFinite(_key: string, value: unknown): unknown {
  return DECODED.get(value) ?? value;
}
