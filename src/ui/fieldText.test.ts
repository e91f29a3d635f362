import { describe, expect, it } from 'vitest';
import { FIELD_BY_KEY } from '../scenarios/schema';
import { formatFieldValue, parseFieldText } from './fieldText';

const lr = FIELD_BY_KEY.get('lr')!;
const hidden = FIELD_BY_KEY.get('hidden')!;

describe('parseFieldText', () => {
  it('accepts a valid number', () => {
    expect(parseFieldText(lr, '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseFieldText(lr, ' 1e-3 ')).toEqual({ ok: true, value: 0.001 });
  });
  it('names the field when the text is not a number or out of range', () => {
    const bad = parseFieldText(lr, 'abc');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^Learning rate: “abc” is not a number/);
    const big = parseFieldText(lr, '1e39');
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toContain('Learning rate');
    expect(parseFieldText(lr, 'NaN').ok).toBe(false);
  });
  it("names the field's own maximum for a whole number past 2^53", () => {
    expect(parseFieldText(FIELD_BY_KEY.get('seed')!, '1e20')).toEqual({ ok: false, message: 'Seed: “1e20” is not allowed: above the maximum 2147483647' });
    expect(parseFieldText(lr, '1e400')).toEqual({ ok: false, message: 'Learning rate: “1e400” is not allowed: above the maximum 1e38' });
  });
  it('reads integer lists with spaces', () => {
    expect(parseFieldText(hidden, '16, 8')).toEqual({ ok: true, value: [16, 8] });
    expect(parseFieldText(hidden, '16, x').ok).toBe(false);
  });
});

describe('formatFieldValue', () => {
  it('writes lists and numbers readably', () => {
    expect(formatFieldValue(hidden, [16, 8])).toBe('16, 8');
    expect(formatFieldValue(lr, 1e-8)).toBe('1e-8');
  });
});
