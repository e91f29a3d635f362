import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/scenario';
import { sameFieldValue } from './sameValue';

type FieldValue = Scenario[keyof Scenario];

describe('sameFieldValue', () => {
  it.each<[FieldValue, FieldValue, boolean]>([
    [0.1, 0.1, true],
    [0.1, 0.2, false],
    [0, -0, true],
    [Number.NaN, Number.NaN, true],
    [Number.NaN, 0, false],
    [[16, 8], [16, 8], true],
    [[16, 8], [8, 16], false],
    [[16, 8], [16], false],
    [[16], 16, false],
    [[Number.NaN], [Number.NaN], true],
    ['adam', 'adam', true],
    ['adam', 'sgd', false],
    [true, true, true],
    [true, false, false],
    ['1' as FieldValue, 1, false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameFieldValue(a, b)).toBe(same);
    expect(sameFieldValue(b, a)).toBe(same);
  });
});
