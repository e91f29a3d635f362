/**
 * What the outcome worker is asked about a lesson. Two questions can be open for one lesson:
 * - the reference: the preset as written, on cpu, with the search for the nearest setting where the claim
 *   holds (the same outcome as `npm run cli -- run --preset id`, and the start screen's badge);
 * - the watched run: the claim decided for the run the user watches, on that run's backend and for the scenario
 *   as edited, so the verdict, the chart's first-non-finite line and the diagnosis speak of one run. Same seed,
 *   same backend, same steps: the worker's run is step for step the run on screen.
 * Framework-free, so which question a screen asks is tested without a worker.
 */
import type { BackendName, Scenario } from '../engine/scenario';
import { encodeScenario } from '../scenarios/codec';
import { presetById, presetScenario } from '../scenarios/presets';
import type { AppState } from './appState';
import { changedFields } from './urlSync';

export interface OutcomeQuestion {
  /** Equal keys are the same question: its answer is computed once per page. */
  key: string;
  presetId: string;
  backend: BackendName;
  /** The scenario to run; null: the preset as written. */
  scenario: Scenario | null;
  /** Search for the nearest setting where the claim holds (the reference only: the search is a dozen runs). */
  search: boolean;
}

/**
 * Not an edit of the lesson: the backend is where it runs, not what it is, and a link naming one is the usual way
 * to share a lesson; the watched question carries the backend on its own.
 */
const NOT_LESSON: ReadonlySet<keyof Scenario> = new Set(['backend']);

/** The fields of `now` that make it another scenario than the lesson `base` (the backend aside). */
export function lessonChanges(base: Scenario, now: Scenario): (keyof Scenario)[] {
  return changedFields(base, now).filter((key) => !NOT_LESSON.has(key));
}

/** The backends whose runs the outcome worker can reproduce; WebGPU steps are awaited, the claim runs are not. */
const REPRODUCIBLE: ReadonlySet<BackendName> = new Set(['cpu', 'wasm', 'webgl']);

/**
 * A fix tried where its broken partner breaks: when the broken lesson breaks only with another setting (its search
 * found one), that setting is applied to the fix too, so a fix that only holds where nothing broke cannot pass for
 * one. Null until the partner's reference is known, and where it breaks as written or not at all.
 */
export function breakQuestion(state: Pick<AppState, 'preset' | 'verdicts'>): OutcomeQuestion | null {
  const fix = state.preset === null ? undefined : presetById(state.preset);
  const broken = fix?.pair?.role === 'fixed' ? presetById(fix.pair.other) : undefined;
  const partner = broken ? state.verdicts[broken.id] : undefined;
  if (!fix || !broken || partner?.status !== 'done' || partner.verdict !== 'holdsOnlyWith' || !partner.variant) return null;
  const at = partner.variant.scenario;
  const changed = lessonChanges(presetScenario(broken), at);
  const scenario: Scenario = { ...presetScenario(fix), ...Object.fromEntries(changed.map((k) => [k, at[k]])), backend: 'cpu' };
  return {
    key: `${fix.id}|cpu|at the break ${encodeScenario(scenario, { preset: fix.id })}|no search`,
    presetId: fix.id,
    backend: 'cpu',
    scenario,
    search: false,
  };
}

export function referenceQuestion(presetId: string): OutcomeQuestion {
  return { key: `${presetId}|cpu|as written|search`, presetId, backend: 'cpu', scenario: null, search: true };
}

/** The question for the run on screen, or null when the reference answers it (cpu, the lesson as written). */
export function watchedQuestion(state: Pick<AppState, 'preset' | 'scenario' | 'backend'>): OutcomeQuestion | null {
  const preset = state.preset === null ? undefined : presetById(state.preset);
  const active = state.backend?.active;
  if (!preset || !active) return null;
  const lesson = presetScenario(preset);
  const edited = lessonChanges(lesson, state.scenario).length > 0;
  const backend = REPRODUCIBLE.has(active) ? active : 'cpu';
  if (backend === 'cpu' && !edited) return null;
  const scenario = edited ? { ...state.scenario, backend } : null;
  const what = scenario ? encodeScenario(scenario, { preset: preset.id }) : 'as written';
  return { key: `${preset.id}|${backend}|${what}|no search`, presetId: preset.id, backend, scenario, search: false };
}
