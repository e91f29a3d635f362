/**
 * Whether the browser builds a run: the budget check of budget.ts with what the page's device
 * reports, turned into what the page shows when it does not (the one-line reason, the fields to
 * lower by their labels, and the nearest scenario that fits, which one click trains). The worker
 * asks before it allocates anything; the check is arithmetic on the scenario, a few milliseconds.
 */
import type { LimitOptions } from './backendLimits';
import { budgetFor, checkRun } from './budget';
import { DRIVER_BY_KEY } from './costDrivers';
import type { BackendName, Scenario } from './scenario';

/** A run refused before it was built. */
export interface Refusal {
  /** What the run needs, what is allowed, and what to lower (budget.ts's line). */
  message: string;
  /** The fields that drive the cost and the message names, as the controls label them, in its order. */
  fields: string[];
  /** The nearest scenario that fits, or null when lowering every field did not get there. */
  smaller: Scenario | null;
}

/**
 * The memory a browser says it has when it says nothing: navigator.deviceMemory is Chromium's
 * (rounded to a power of two and capped: 16 GiB in the headless Chromium 156 here); other browsers do not expose it, and 4 GiB is a phone's or a small
 * laptop's, where a tab that asks for more is the first one killed.
 */
export const UNKNOWN_DEVICE_GIB = 4;

/** The default budget for a browser whose navigator.deviceMemory is `deviceMemoryGiB` (undefined: not told). */
export function browserBudget(deviceMemoryGiB: number | undefined): number {
  const gib = typeof deviceMemoryGiB === 'number' && deviceMemoryGiB > 0 ? deviceMemoryGiB : UNKNOWN_DEVICE_GIB;
  return budgetFor(gib * 2 ** 30);
}

/** Null when `s` may be built on `backend` within `budgetBytes` and the backend's limits; else why not. */
export function admit(s: Scenario, backend: BackendName, budgetBytes: number, limits: Partial<LimitOptions> = {}): Refusal | null {
  const verdict = checkRun(s, backend, budgetBytes, limits);
  if (verdict.ok) return null;
  // The fields the line tells to lower, in its order (a driver with a small share is not advice).
  const named = verdict.drivers.map((d) => DRIVER_BY_KEY.get(d.key)!.label).filter((label) => verdict.message.includes(label));
  const fields = named.sort((a, b) => verdict.message.indexOf(a) - verdict.message.indexOf(b));
  return { message: verdict.message, fields, smaller: verdict.smaller };
}
