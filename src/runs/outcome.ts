/**
 * The outcome of a preset: run it, decide its claim, and where the claim fails, look for the nearest
 * setting under which it would hold (lower precision, another learning rate, another input scale).
 * The search is a short, bounded bracketing search of short runs, so the app can offer the result
 * as a one-click variant and show the numbers it tried.
 */
import type { Precision, Scenario } from '../engine/scenario';
import type { ClaimCheck } from '../scenarios/presets';
import { FIELD_BY_KEY, type NumberRange } from '../scenarios/schema';
import { encodeScenario, formatNumber } from '../scenarios/codec';
import { evaluateClaim, stepsNeeded, type ClaimVerdict } from './claims';
import { runScenario, type RunSummary, type TrainerFactory } from './runScenario';

/** Longest search run for a claim that trouble appears. */
const SEARCH_STEP_CAP = 100;

export type SearchKey = 'precision' | 'lr' | 'inputScale';

export interface SearchTrial {
  key: SearchKey;
  value: number | Precision;
  holds: boolean;
  observed: string;
  /** It holds, but for another reason than the article gives (claims.ts). */
  otherReason: string | null;
}

export interface SearchResult {
  tried: SearchTrial[];
  /** The nearest setting found under which the claim holds, with the full variant to open. */
  found: { key: SearchKey; value: number | Precision; from: number | Precision; scenario: Scenario; query: string } | null;
}

export type Verdict = 'holds' | 'holdsForAnotherReason' | 'doesNotHold' | 'holdsOnlyWith';

export interface Outcome {
  verdict: Verdict;
  /** "the claim holds", "it does not hold in float32", or "it holds only with precision float16". */
  text: string;
  /** What the run itself showed. */
  observed: string;
  search: SearchResult | null;
}

export interface OutcomeOptions {
  /** Whether to search when the claim fails (default true). */
  search?: boolean;
  /** Most runs the search may make (default 12). */
  maxRuns?: number;
  /** The preset the scenario came from: the variant's link is then written relative to it. */
  preset?: string;
}

/** Run a scenario, decide the claim and, if it fails, search for the nearest setting where it holds. */
export function computeOutcome(
  scenario: Scenario,
  check: ClaimCheck,
  createTrainer: TrainerFactory,
  options: OutcomeOptions = {},
): { run: RunSummary; verdict: ClaimVerdict; outcome: Outcome } {
  const run = runScenario(scenario, createTrainer);
  const verdict = evaluateClaim(check, run);
  if (verdict.holds && verdict.otherReason) {
    const text = `it holds, for another reason: ${verdict.otherReason}`;
    return { run, verdict, outcome: { verdict: 'holdsForAnotherReason', text, observed: verdict.observed, search: null } };
  }
  if (verdict.holds) return { run, verdict, outcome: { verdict: 'holds', text: 'the claim holds', observed: verdict.observed, search: null } };
  const search = options.search === false ? null : searchNearest(scenario, check, createTrainer, options.maxRuns ?? 12, options.preset);
  const found = search?.found;
  const why = found ? search.tried.find((t) => t.key === found.key && t.value === found.value)?.otherReason : null;
  const outcome: Outcome = found
    ? {
        verdict: 'holdsOnlyWith',
        text: `it holds only with ${describeSetting(found.key, found.value)}${why ? `, for another reason: ${why}` : ''}`,
        observed: verdict.observed,
        search,
      }
    : { verdict: 'doesNotHold', text: `it does not hold in ${scenario.precision}`, observed: verdict.observed, search };
  return { run, verdict, outcome };
}

/** "precision float16", "learning rate 2.5", "input scale 1e6". */
export function describeSetting(key: SearchKey, value: number | Precision): string {
  const label = FIELD_BY_KEY.get(key)!.label.toLowerCase();
  return `${label} ${typeof value === 'number' ? formatNumber(value) : value}`;
}

/** Claims about trouble appearing are helped by more aggressive settings; claims of safety by gentler ones. */
function wantsTrouble(check: ClaimCheck): boolean {
  return check.expect === 'nonFinite' || check.expect === 'lossAbove';
}

function precisionCandidates(current: Precision, towardTrouble: boolean): Precision[] {
  // float16 has the smallest range, bfloat16 float32's range with fewer digits.
  const order: Precision[] = towardTrouble ? ['float16', 'bfloat16'] : ['float32', 'bfloat16'];
  return order.filter((p) => p !== current);
}

/** Two significant digits: the values shown to people and the values actually run are the same. */
function tidy(x: number): number {
  return Number(x.toPrecision(2));
}

/**
 * Search the three axes within `maxRuns` short runs; the nearest hit wins, measured in decades of
 * change from the original value, with a switch of number format counting as one decade.
 */
function searchNearest(scenario: Scenario, check: ClaimCheck, createTrainer: TrainerFactory, maxRuns: number, preset?: string): SearchResult {
  const tried: SearchTrial[] = [];
  // A run cut short can only miss trouble, never invent it, so claims of trouble get capped runs;
  // a claim of safety must see every step or a shortened run would pass it falsely.
  const needed = Math.min(scenario.steps, stepsNeeded(check, scenario.steps));
  const steps = wantsTrouble(check) ? Math.min(needed, SEARCH_STEP_CAP) : needed;
  const trial = (key: SearchKey, value: number | Precision): boolean => {
    if (tried.length >= maxRuns) return false;
    const variant = { ...scenario, [key]: value, steps } as Scenario;
    const v = evaluateClaim(check, runScenario(variant, createTrainer));
    tried.push({ key, value, holds: v.holds, observed: v.observed, otherReason: v.otherReason });
    return v.holds;
  };
  const trouble = wantsTrouble(check);
  // Keep a share of the budget for each numeric axis so that one axis cannot starve the other.
  const perAxis = Math.max(2, Math.floor((maxRuns - 2) / 2));

  let precisionHit: Precision | null = null;
  for (const p of precisionCandidates(scenario.precision, trouble)) {
    if (trial('precision', p)) {
      precisionHit = p;
      break;
    }
  }

  const numericHits: { key: 'lr' | 'inputScale'; value: number }[] = [];
  for (const [key, factor] of [
    ['lr', 10],
    ['inputScale', 1000],
  ] as const) {
    const range = (FIELD_BY_KEY.get(key) as { range: NumberRange }).range;
    const hit = bracket(scenario[key], trouble ? factor : 1 / factor, range, perAxis, (v) => trial(key, v));
    if (hit !== null) numericHits.push({ key, value: hit });
  }

  // Distance in decades of change; switching the number format counts as one decade.
  const hits: { key: SearchKey; value: number | Precision; distance: number }[] = [
    ...(precisionHit ? [{ key: 'precision' as const, value: precisionHit, distance: 1 }] : []),
    ...numericHits.map((h) => ({ ...h, distance: Math.abs(Math.log10(h.value / scenario[h.key])) })),
  ];
  const best = hits.length === 0 ? null : hits.reduce((a, b) => (b.distance < a.distance ? b : a));
  if (!best) return { tried, found: null };
  const variant = { ...scenario, [best.key]: best.value } as Scenario;
  return {
    tried,
    found: {
      key: best.key,
      value: best.value,
      from: scenario[best.key],
      scenario: variant,
      query: encodeScenario(variant, preset === undefined ? {} : { preset }),
    },
  };
}

/**
 * Step geometrically from `start` by `factor` until `holds`, then bisect (in log space) between the
 * last failing and the first holding value to get closer to `start`. Returns the holding value
 * nearest to `start` that was actually run, or null. After two plain steps each step squares the
 * factor (1, 1, 2, 4, 8… decades), so a budget of five runs reaches 16 decades from the start: the
 * float32 cliff of an Adam lesson can sit 8 decades above its learning rate, and the range's end 40.
 */
function bracket(start: number, factor: number, range: NumberRange, budget: number, holds: (v: number) => boolean): number | null {
  let failing = start;
  let holding: number | null = null;
  let runs = 0;
  let stride = factor;
  const low = Math.max(range.min, range.logFloor ?? range.min, Number.MIN_VALUE);
  while (runs < budget) {
    const next = tidy(Math.min(range.max, Math.max(low, failing * stride)));
    if (next === failing || next <= 0) break;
    runs += 1;
    if (holds(next)) {
      holding = next;
      break;
    }
    failing = next;
    if (runs >= 2) stride *= stride;
  }
  if (holding === null) return null;
  while (runs < budget) {
    const mid = tidy(Math.sqrt(failing * holding));
    if (mid === failing || mid === holding) break;
    runs += 1;
    if (holds(mid)) holding = mid;
    else failing = mid;
  }
  return holding;
}
