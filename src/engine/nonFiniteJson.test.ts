import { describe, expect, it } from 'vitest';
import { decodeNonFinite, encodeNonFinite } from './nonFiniteJson';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, encodeNonFinite), decodeNonFinite);

describe('non-finite numbers in JSON', () => {
  it('round-trips NaN and ±Infinity wherever they sit, and leaves finite values alone', () => {
    const value = { loss: Number.NaN, norms: { a: Infinity, b: -Infinity, c: 0 }, losses: [1, Number.NaN, -0.5], name: 'grad/dense1/kernel', none: null };
    expect(roundTrip(value)).toEqual(value);
  });

  it('writes strings, not the null JSON.stringify would write', () => {
    expect(JSON.stringify([Number.NaN, Infinity, -Infinity], encodeNonFinite)).toBe('["NaN","Infinity","-Infinity"]');
    expect(JSON.stringify([Number.NaN])).toBe('[null]');
  });

  it('reads only the exact spellings back as numbers', () => {
    expect(JSON.parse('["NaN","Infinity","-Infinity","nan","Inf","+Infinity"]', decodeNonFinite)).toEqual([
      Number.NaN,
      Infinity,
      -Infinity,
      'nan',
      'Inf',
      '+Infinity',
    ]);
  });
});
