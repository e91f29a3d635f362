/**
 * The memory budget as a setting of this browser, not of the scenario: a link carries a scenario to
 * other machines, and a budget chosen for a 32 GB desktop must not follow it onto a phone. So the
 * choice is kept in the browser's storage, and a run that is refused says how to raise it here.
 */
import { browserBudget } from '../engine/admission';

/** What a person can pick, besides the device's default: powers of two in decimal units, as system monitors show. */
export const BUDGET_CHOICES: readonly number[] = [128e6, 256e6, 512e6, 1e9, 2e9, 4e9, 8e9, 16e9, 32e9];

/** The storage key of the choice. */
export const BUDGET_STORAGE_KEY = 'nan-playground.memory-budget';

export interface BudgetSetting {
  /** What this device gets by default (engine/admission.ts's share of navigator.deviceMemory). */
  device: number;
  /** The person's choice, or null for the device's default. */
  chosen: number | null;
}

/** The budget a run is checked against. */
export const budgetBytes = (b: BudgetSetting): number => b.chosen ?? b.device;

/** The setting at start: the device's default, and a stored choice when it is one of BUDGET_CHOICES (anything else is ignored). */
export function initialBudget(deviceMemoryGiB: number | undefined, stored: string | null): BudgetSetting {
  const value = stored === null ? NaN : Number(stored);
  return { device: browserBudget(deviceMemoryGiB), chosen: BUDGET_CHOICES.includes(value) ? value : null };
}

/** What storage keeps for a choice (null: remove the key, back to the default). */
export const storedBudget = (chosen: number | null): string | null => (chosen === null ? null : String(chosen));
