/**
 * The memory budget's choice in the browser's localStorage. Storage can be missing or throw (a
 * sandboxed frame, storage turned off, a full quota): the setting then lasts for the page only,
 * which is what the page says nothing about, as nothing is lost but the memory of a preference.
 */
import { BUDGET_STORAGE_KEY } from '../state/budgetSetting';

export function readStoredBudget(storage: () => Storage = () => window.localStorage): string | null {
  try {
    return storage().getItem(BUDGET_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function writeStoredBudget(value: string | null, storage: () => Storage = () => window.localStorage): void {
  try {
    if (value === null) storage().removeItem(BUDGET_STORAGE_KEY);
    else storage().setItem(BUDGET_STORAGE_KEY, value);
  } catch {
    // Kept for this page only (see above).
  }
}
