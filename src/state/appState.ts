/**
 * The application's screen state: what changes at the pace of a person (settings, status, the
 * verdicts). Per-step run data (history, chart series, the step counter) lives in the live feeds
 * (liveRun.ts), which notify their own views once per frame.
 */
import type { Refusal } from '../engine/admission';
import type { BackendStatus } from '../engine/backend';
import type { NetworkView } from '../engine/networkView';
import type { Preview } from '../engine/preview';
import type { NonFiniteReport, SentinelWarning } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { RejectedKey } from '../scenarios/codec';
import type { OpenMap } from '../scenarios/mapLink';
import type { PresetOutcome } from '../scenarios/presetOutcome';
import { DEFAULT_SPEED, type Speed } from '../scenarios/speed';
import { initialBudget, type BudgetSetting } from './budgetSetting';
import type { ClassroomView } from './classroom';
import { createStore } from './store';

export type { RejectedKey } from '../scenarios/codec';
export type { OutcomeTrial, PresetOutcome } from '../scenarios/presetOutcome';

export type ChartScale = 'linear' | 'log' | 'symlog';

export interface CompareRun {
  label: string;
  scenario: Scenario;
  status: 'running' | 'done' | 'error';
  message: string | null;
  /** The backend the compare run trains on, once its worker has started it (with its measured quirks). */
  backend?: BackendStatus;
}

export interface AppState {
  scenario: Scenario;
  /** The preset this scenario came from (kept in the URL as ?preset=), or null. */
  preset: string | null;
  rejected: RejectedKey[];
  backend: BackendStatus | null;
  /** The engine's reason this scenario cannot run as asked on the active backend. */
  unsupported: string | null;
  running: boolean;
  /** How fast the worker trains: 'auto' (a time budget per tick) or steps per frame. */
  speed: Speed;
  report: NonFiniteReport | null;
  warnings: SentinelWarning[];
  /** Continue was pressed: Play trains on past the scenario's Steps (until a new run). */
  continued: boolean;
  /** Why the run stopped on its own ('flagged', 'done', 'error'), for the status line. */
  stopReason: string | null;
  /** Short-lived messages: "model reset: hidden layers changed", "typed value rejected", … */
  notices: string[];
  error: string | null;
  /** The scenario was refused before it was built (over the budget or the backend's limits), with the nearest one that fits. */
  refusal: Refusal | null;
  /** The memory budget runs are checked against: this device's default or the person's choice (budgetSetting.ts). */
  budget: BudgetSetting;
  preview: Preview | null;
  /** The network diagram's layers and drawn weights, from the same readback as the preview. */
  network: NetworkView | null;
  compare: CompareRun | null;
  /** What running the open preset as written showed about its article's claim, on cpu (computed in its own worker). */
  outcome: PresetOutcome | null;
  /**
   * The same claim decided for the run on screen: on the backend the user watches and for the scenario as edited.
   * Null while that is the reference above (cpu, the lesson as written), or when no preset is open.
   */
  watchedOutcome: PresetOutcome | null;
  /** A fix's claim decided where its broken partner breaks (the setting its search found), or null. */
  breakOutcome: PresetOutcome | null;
  /** Every preset's reference outcome known so far, by preset id (the start screen's badges). */
  verdicts: Readonly<Record<string, PresetOutcome>>;
  /** The start screen (the lessons) shows: the address bar names no scenario. */
  start: boolean;
  chartScale: ChartScale;
  smoothing: number;
  /** Run files imported into the page, drawn beside the live runs (their data lives in their feeds). */
  imports: { id: string; label: string }[];
  /** Runs the user switched off in the run list ('main', 'compare' or an import's id). */
  hiddenRuns: string[];
  embed: boolean;
  /** Classroom mode's view (panels and settings on screen), or null for the full playground. */
  classroom: ClassroomView | null;
  /** The stability map on screen (its grid and backend, kept in the link), or null. */
  map: OpenMap | null;
}

export function initialAppState(scenario: Scenario, rejected: RejectedKey[], embed: boolean, preset: string | null = null): AppState {
  return {
    scenario,
    preset,
    rejected,
    backend: null,
    unsupported: null,
    running: false,
    speed: DEFAULT_SPEED,
    report: null,
    warnings: [],
    continued: false,
    stopReason: null,
    notices: [],
    error: null,
    refusal: null,
    budget: initialBudget(undefined, null),
    preview: null,
    network: null,
    compare: null,
    outcome: null,
    watchedOutcome: null,
    breakOutcome: null,
    verdicts: {},
    start: false,
    chartScale: 'log',
    smoothing: 0,
    imports: [],
    hiddenRuns: [],
    embed,
    classroom: null,
    map: null,
  };
}

export const createAppStore = (s: AppState) => createStore(s);
export type AppStore = ReturnType<typeof createAppStore>;
