import { describe, expect, it } from 'vitest';
import { browserBudget } from '../engine/admission';
import { BUDGET_CHOICES, budgetBytes, initialBudget, storedBudget } from './budgetSetting';

describe('the memory budget setting', () => {
  it("is the device's default until a person picks one, and the pick is what runs are checked against", () => {
    const fresh = initialBudget(8, null);
    expect(fresh).toEqual({ device: browserBudget(8), chosen: null });
    expect(budgetBytes(fresh)).toBe(browserBudget(8));
    expect(budgetBytes({ ...fresh, chosen: 1e9 })).toBe(1e9);
  });

  it('reads back a stored choice, and ignores what is not one of the choices (an old or a hand-edited value)', () => {
    for (const choice of BUDGET_CHOICES) expect(initialBudget(4, storedBudget(choice)).chosen).toBe(choice);
    for (const bad of ['', 'lots', '-1', '1e300', '123', 'NaN']) expect(initialBudget(4, bad).chosen).toBeNull();
    expect(storedBudget(null)).toBeNull();
  });
});
