import { describe, expect, it } from 'vitest';
import { PLAIN, SCIENTIFIC, TICK, showNumber, type NumberStyle } from './numberFormat';

// One row per value: what each style writes. The non-finite rows are the same in every column.
const TABLE: [value: number, plain: string, tick: string, scientific: string][] = [
  [Number.NaN, 'NaN', 'NaN', 'NaN'],
  [Infinity, '+Inf', '+Inf', '+Inf'],
  [-Infinity, '−Inf', '−Inf', '−Inf'],
  [0, '0', '0', '0'],
  [-0, '0', '0', '0'],
  [0.25, '0.25', '0.25', '0.25'],
  [-0.25, '-0.25', '-0.25', '-0.25'],
  [1 / 3, '0.3333', '0.333', '0.333'],
  [250, '250', '250', '250'],
  [12_345, '12350', '12300', '1.23e+4'],
  [-12_345, '-12350', '-12300', '-1.23e+4'],
  [123_456, '123500', '1e5', '1.23e+5'],
  [1e-7, '1e-7', '1e-7', '1.00e-7'],
  [-2.5e-4, '-0.00025', '-3e-4', '-2.50e-4'],
  [1.6e-9, '1.6e-9', '2e-9', '1.60e-9'],
  [1e30, '1e+30', '1e30', '1.00e+30'],
  [-3.4028234663852886e38, '-3.403e+38', '-3e38', '-3.40e+38'],
  [Number.MIN_VALUE, '5e-324', '5e-324', '4.94e-324'],
];

describe('showNumber', () => {
  const styles: [string, NumberStyle, number][] = [
    ['PLAIN', PLAIN, 1],
    ['TICK', TICK, 2],
    ['SCIENTIFIC', SCIENTIFIC, 3],
  ];
  for (const [name, style, column] of styles) {
    it.each(TABLE.map((row) => [row[0], row[column]!] as const))(`${name}: %s → %s`, (value, text) => {
      expect(showNumber(value, style)).toBe(text);
    });
  }

  it('defaults to PLAIN', () => {
    expect(showNumber(1 / 3)).toBe(showNumber(1 / 3, PLAIN));
  });
});
