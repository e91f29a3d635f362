import { describe, expect, it } from 'vitest';
import { BUDGET_STORAGE_KEY } from '../state/budgetSetting';
import { readStoredBudget, writeStoredBudget } from './budgetStorage';

/** A Storage with only what the module uses. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  } as unknown as Storage;
}

describe('the budget in localStorage', () => {
  it('keeps a choice under its key and forgets it for the default', () => {
    const storage = memoryStorage();
    writeStoredBudget('1000000000', () => storage);
    expect(storage.getItem(BUDGET_STORAGE_KEY)).toBe('1000000000');
    expect(readStoredBudget(() => storage)).toBe('1000000000');
    writeStoredBudget(null, () => storage);
    expect(readStoredBudget(() => storage)).toBeNull();
  });

  it('lasts for the page only where storage is refused (a sandboxed frame): no error reaches the page', () => {
    const refused = (): Storage => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(readStoredBudget(refused)).toBeNull();
    expect(() => writeStoredBudget('1000000000', refused)).not.toThrow();
  });
});
