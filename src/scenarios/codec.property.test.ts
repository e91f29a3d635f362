/**
 * Property tests of the URL codec: random valid scenarios survive a round trip unchanged, and random
 * malformed links never throw and have every bad key reported.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Scenario } from '../engine/scenario';
import { decodeScenario, encodeScenario } from './codec';
import { FIELDS, type Field } from './schema';

const noNegativeZero = (x: number): number => (x === 0 ? 0 : x);

/** Any valid value of a field; log-scale fields also get values spread over decades. */
function validValue(field: Field): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'number': {
      const { min, max, log } = field.range;
      const linear = fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
      if (!log) return linear;
      const lo = Math.log10(Math.max(min, field.range.logFloor ?? min));
      const decades = fc.double({ min: lo, max: Math.log10(max), noNaN: true }).map((e) => Math.min(max, Math.max(min, 10 ** e)));
      return fc.oneof(linear, decades);
    }
    case 'integer':
      return fc.integer({ min: field.range.min, max: field.range.max });
    case 'integerList':
      return fc.array(fc.integer({ min: field.range.min, max: field.range.max }), { minLength: field.minItems, maxLength: field.maxItems });
    case 'enum':
      return fc.constantFrom(...field.values);
    case 'boolean':
      return fc.boolean();
  }
}

// Each field keeps its default half the time, so links mix written and omitted keys.
const scenarioArb: fc.Arbitrary<Scenario> = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f.key, fc.oneof(fc.constant(f.default), validValue(f))])),
) as unknown as fc.Arbitrary<Scenario>;

/** Text that no field of this type accepts. */
function invalidText(field: Field): fc.Arbitrary<string> {
  const common = fc.constantFrom('', 'x'.repeat(10_000), '\u{1F525}', 'NaN', 'Infinity', '-Infinity', 'null', '%');
  switch (field.type) {
    case 'number':
    case 'integer': {
      const { min, max } = field.range;
      const out = fc.constantFrom(String(max * 10 + 1), String(min - 1), '1e999', '-1e999', '0x10', '1,5', ' 1', 'abc');
      return field.type === 'integer' ? fc.oneof(common, out, fc.constant(String(min + 0.5))) : fc.oneof(common, out);
    }
    case 'integerList':
      return fc.oneof(common, fc.constantFrom('1,,2', '0', '1,-3', '1.5', ',', '1,2,3,4,5,6,7,8,9', '999999'));
    case 'enum':
      return fc.oneof(
        common,
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !field.values.includes(s)),
      );
    case 'boolean':
      return fc.oneof(common, fc.constantFrom('yes', 'no', '2', 'TRUE', 'on'));
  }
}

type Entry = { key: string; value: string; valid: boolean };
const fieldArb = fc.constantFrom(...FIELDS);
const entryArb: fc.Arbitrary<Entry> = fc.oneof(
  fieldArb.chain((f) => validValue(f).map((v) => ({ key: f.url, value: textOf(f, v), valid: true }))),
  fieldArb.chain((f) => fc.tuple(fc.constantFrom(f.url, f.key), invalidText(f)).map(([key, value]) => ({ key, value, valid: false }))),
  fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }).map((k) => ({ key: `zz${k}`, value: '1', valid: false })),
  fc.constantFrom({ key: 'preset', value: 'no-such-preset', valid: false }, { key: 'v', value: '9', valid: false }),
);

function textOf(field: Field, value: unknown): string {
  if (field.type === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

const canonical = (key: string): string => FIELDS.find((f) => f.url === key || f.key === key)?.key ?? key;

describe('URL codec properties', () => {
  it('round-trips 1,000 random valid scenarios: URL → scenario → URL unchanged', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const url = encodeScenario(scenario);
        const decoded = decodeScenario(url);
        expect(decoded.rejected).toEqual([]);
        expect(decoded.scenario).toEqual(scenario);
        expect(encodeScenario(decoded.scenario)).toBe(url);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on 1,000 malformed query strings and reports every invalid key', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 12 }), fc.boolean(), (entries, rawJoin) => {
        const query = entries.map((e) => `${encodeURIComponent(e.key)}=${encodeURIComponent(e.value)}`).join(rawJoin ? '&&' : '&');
        const { rejected } = decodeScenario(query);
        // Per key, every occurrence but the last is reported as repeated; the last is reported iff invalid.
        const lastByKey = new Map<string, Entry>();
        for (const e of entries) lastByKey.set(canonical(e.key), e);
        for (const e of entries) {
          const isLast = lastByKey.get(canonical(e.key)) === e;
          const shouldReport = !isLast || !e.valid;
          const reportsOfKey = rejected.filter((r) => r.key === e.key || r.key.startsWith(e.key.slice(0, 40)));
          if (shouldReport) expect(reportsOfKey.length, `${e.key}=${e.value.slice(0, 30)}`).toBeGreaterThan(0);
        }
        const expectedCount = entries.filter((e) => lastByKey.get(canonical(e.key)) !== e || !e.valid).length;
        expect(rejected.length).toBe(expectedCount);
        for (const r of rejected) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text, including broken escapes and unicode', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
        const { scenario, rejected } = decodeScenario(text);
        expect(typeof scenario.lr).toBe('number');
        expect(rejected.length).toBeLessThanOrEqual(51);
      }),
      { numRuns: 1000 },
    );
  });
});
