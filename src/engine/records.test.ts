import { describe, expect, it } from 'vitest';
import { nonFiniteKind } from './records';

describe('nonFiniteKind', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [0, null],
    [-0, null],
    [Number.MAX_VALUE, null],
    [-Number.MAX_VALUE, null],
    [Number.MIN_VALUE, null],
  ])('%s → %s', (x, kind) => {
    expect(nonFiniteKind(x)).toBe(kind);
  });
});
