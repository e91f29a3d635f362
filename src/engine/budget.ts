/**
 * Whether a run fits: its cost within a memory budget and within the backend's limits, or a
 * refusal in one line with the nearest scenario that fits. The nearest one is found with the cost
 * model alone (no training): each driving field is lowered on its own along its steps (batch size
 * and samples first, as they change the lesson least), and only if none fits alone are they
 * lowered together. The scenario offered aims inside the limits, not at their edge (VARIANT_ROOM).
 */
import { backendLimits, limitRatios, lowerAdvice, type BackendLimits, type LimitOptions } from './backendLimits';
import { costOf, estimateCost, type Cost, type CostBytes } from './cost';
import { DRIVER_BY_KEY, DRIVER_FIELDS, driversToLower, driverValue, type CostDriver } from './costDrivers';
import { formatBytes } from './costText';
import type { BackendName, Scenario } from './scenario';

/** The share of the machine's memory a run may use when nobody says otherwise (Node: of os.totalmem()). */
export const DEFAULT_BUDGET_SHARE = 0.4;

/** The default budget for a machine with `totalBytes` of memory. */
export function budgetFor(totalBytes: number): number {
  return Math.floor(totalBytes * DEFAULT_BUDGET_SHARE);
}

export type BudgetVerdict =
  | { ok: true }
  | {
      ok: false;
      /** One line: what the run needs, what is allowed, and what to lower. */
      message: string;
      /** The fields that drive what is over, largest share first. */
      drivers: { key: CostDriver; share: number }[];
      /** The nearest scenario that fits, or null when lowering every driver did not get there. */
      smaller: Scenario | null;
    };

/** Cost evaluations the search may spend (each is arithmetic on the scenario, tens of microseconds). */
const MAX_TRIES = 40;

/**
 * Where the offered scenario aims. A run at the edge of a limit is a bad offer: the estimate is
 * within 2× of what a run measures, so it may still run out of memory, and a step just under the
 * 30 s limit looks as hung as one over it. So the offer keeps to half of each memory limit and to a
 * step of about a second at the backend's speed; a texture's side is a hard limit, met as it is.
 * Only when nothing fits with that room is a scenario at the edge offered.
 */
export const VARIANT_ROOM = { memoryShare: 0.5, stepSeconds: 1 } as const;

/** How far over: the largest of the budget's and every limit's need / allowed (1 or less fits). */
function pressureOf(s: Scenario, limits: BackendLimits, budget: number): number {
  const cost = costOf(s);
  return Math.max(cost.bytes.total / budget, ...limitRatios(s, limits.backend, limits.options, cost).map((r) => r.ratio));
}

/** The same with VARIANT_ROOM: 1 or less fits with room to spare. */
function roomyPressureOf(s: Scenario, limits: BackendLimits, budget: number): number {
  const cost = costOf(s);
  const { memoryShare, stepSeconds } = VARIANT_ROOM;
  const ratios = limitRatios(s, limits.backend, limits.options, cost).map((r) =>
    r.limit === 'time' ? (r.ratio * limits.options.maxStepSeconds) / stepSeconds : r.limit === 'texture' ? r.ratio : r.ratio / memoryShare,
  );
  return Math.max(cost.bytes.total / (budget * memoryShare), ...ratios);
}

/** The field's steps down from `s`: 100000, 65536, 32768 … (a ladder of scenarios, top first). */
function ladder(s: Scenario, key: CostDriver): Scenario[] {
  const field = DRIVER_BY_KEY.get(key)!;
  const out: Scenario[] = [];
  for (let next = field.lower(s); next !== null && out.length < 32; next = field.lower(next)) out.push(next);
  return out;
}

/** The highest rung that fits, by bisection (lower rungs never need more), or null. */
function highestFit(rungs: Scenario[], fits: (s: Scenario) => boolean): Scenario | null {
  if (rungs.length === 0 || !fits(rungs[rungs.length - 1]!)) return null;
  let lo = 0; // rungs[hi] fits; find the first rung that fits
  let hi = rungs.length - 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(rungs[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return rungs[hi]!;
}

interface Search {
  /** Fields that fit on their own, with the scenario where they do, in preference order. */
  alone: { key: CostDriver; scenario: Scenario }[];
  /** Lowered together, when none fits alone. */
  together: Scenario | null;
}

/** The nearest scenarios that fit, lowering `keys` (in preference order) until `pressure` ≤ 1. */
function search(s: Scenario, keys: CostDriver[], pressure: (t: Scenario) => number): Search {
  let tries = 0;
  const fits = (t: Scenario): boolean => ++tries <= MAX_TRIES && pressure(t) <= 1;
  const alone: Search['alone'] = [];
  for (const key of keys) {
    const found = highestFit(ladder(s, key), fits);
    if (found) alone.push({ key, scenario: found });
    if (alone.length === 2) break;
  }
  if (alone.length > 0) return { alone, together: null };
  // Together: every field at its lowest; if that fits, raise each back as far as it goes, the
  // model's fields first (they change the lesson most), the batch size last.
  let current = keys.reduce((t, k) => ladder(t, k).at(-1) ?? t, s);
  if (!fits(current)) return { alone, together: null };
  for (const key of [...keys].reverse()) {
    const restored: Scenario = { ...current, [key]: s[key] };
    current = highestFit([restored, ...ladder(restored, key)], fits) ?? current;
  }
  return { alone, together: current };
}

/** "lower Batch size (to 256 fits) or Samples (to 4096 fits)". */
function advice(s: Scenario, found: Search, drivers: { key: CostDriver; share: number }[]): string {
  if (found.alone.length > 0) {
    return `lower ${found.alone.map(({ key, scenario }) => `${DRIVER_BY_KEY.get(key)!.label} (to ${driverValue(scenario, key)} fits)`).join(' or ')}`;
  }
  const t = found.together;
  if (t === null) return `${lowerAdvice(drivers)} (nothing the search tried fits)`;
  const changed = DRIVER_FIELDS.filter((f) => driverValue(t, f.key) !== driverValue(s, f.key));
  return `lower ${changed.map((f) => `${f.label} to ${driverValue(t, f.key)}`).join(' and ')} (that fits)`;
}

/** The largest parts of the peak, as the refusal names them: "activations 19 GB at batch 100000, data 1.6 GB". */
function parts(cost: Cost): string {
  const b: CostBytes = cost.bytes;
  // The step's larger phase is in the peak, the other is not (cost.ts).
  const step: [number, string] =
    b.activations + b.parameters >= b.gradients
      ? [b.activations, `activations ${formatBytes(b.activations)} at batch ${cost.batch}`]
      : [b.gradients, `update temporaries ${formatBytes(b.gradients)}`];
  const named: [number, string][] = [
    [b.data, `data ${formatBytes(b.data)}`],
    [b.host, `its JS copy ${formatBytes(b.host)}`],
    [b.parameters, `parameters ${formatBytes(b.parameters)}`],
    [b.optimizer, `optimizer state ${formatBytes(b.optimizer)}`],
    [b.snapshots, `snapshots ${formatBytes(b.snapshots)}`],
    step,
  ];
  return named
    .filter(([bytes]) => bytes >= 0.1 * b.total)
    .sort((x, y) => y[0] - x[0])
    .slice(0, 3)
    .map(([, text]) => text)
    .join(', ');
}

/** Ok, or why not with the nearest scenario that fits: `limits` from backendLimits for the same scenario. */
export function withinBudget(cost: Cost, limits: BackendLimits, budgetBytes: number): BudgetVerdict {
  const s = cost.scenario;
  const overBudget = cost.bytes.total > budgetBytes;
  if (!overBudget && limits.problems.length === 0) return { ok: true };
  const drivers = overBudget ? cost.drivers : limits.problems[0]!.drivers;
  // Lowered: every field that drives something over, the budget's or a limit's.
  const keys = driversToLower([...(overBudget ? cost.drivers : []), ...limits.problems.flatMap((p) => p.drivers)]);
  const roomy = search(s, keys, (t) => roomyPressureOf(t, limits, budgetBytes));
  const found = roomy.alone.length > 0 || roomy.together ? roomy : search(s, keys, (t) => pressureOf(t, limits, budgetBytes));
  const smaller = found.alone[0]?.scenario ?? found.together;
  // At most two reasons, memory first: the advice clears them all.
  const reasons = [
    ...(overBudget ? [`this run needs ≈ ${formatBytes(cost.bytes.total)} (${parts(cost)}); the budget here is ${formatBytes(budgetBytes)}`] : []),
    ...limits.problems.map((p) => p.reason),
  ];
  return { ok: false, message: `${reasons.slice(0, 2).join('; and ')}: ${advice(s, found, drivers)}`, drivers, smaller };
}

/** The whole check of `s` on one backend: its cost, the backend's limits, the budget. */
export function checkRun(s: Scenario, backend: BackendName, budgetBytes: number, options: Partial<LimitOptions> = {}): BudgetVerdict {
  return withinBudget(estimateCost(s), backendLimits(s, backend, options), budgetBytes);
}
