/**
 * The application's state: what the screen shows. Per-step data (loss history, chart series)
 * lives outside it in mutable buffers; the store only carries a version number for those, so a
 * frame with 500 new steps is one store update, not 500.
 */
import type { BackendStatus } from '../engine/backend';
import type { Preview } from '../engine/preview';
import type { NonFiniteReport, SentinelWarning } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { RejectedKey } from '../scenarios/codec';
import { createStore } from './store';

export type { RejectedKey } from '../scenarios/codec';

export type ChartScale = 'linear' | 'log' | 'symlog';

export interface CompareRun {
  label: string;
  scenario: Scenario;
  status: 'running' | 'done' | 'error';
  /** Bumped when new compare steps arrive (the curve itself lives beside the main series). */
  version: number;
  message: string | null;
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
  step: number;
  stepsPerSecond: number;
  /** Steps the worker takes per animation frame. */
  speed: number;
  report: NonFiniteReport | null;
  warnings: SentinelWarning[];
  /** Why the run stopped on its own ('flagged', 'done', 'error'), for the status line. */
  stopReason: string | null;
  /** Short-lived messages: "model reset: hidden layers changed", "typed value rejected", … */
  notices: string[];
  error: string | null;
  /** Bumped each animation frame that applied records; charts re-read their series on change. */
  dataVersion: number;
  /** Bumped when the charts should redraw (throttled: a chart redraw costs more than a counter). */
  chartVersion: number;
  /**
   * The per-layer norm charts redraw a few frames after the loss chart, and the weight chart a few
   * frames after the gradient chart, so no frame pays for more than one chart.
   */
  normVersion: [grad: number, weight: number];
  preview: Preview | null;
  compare: CompareRun | null;
  /** What running the open preset showed about its article's claim (computed in its own worker). */
  outcome: PresetOutcome | null;
  chartScale: ChartScale;
  smoothing: number;
  embed: boolean;
  /** The charts' idle-time first render (ChartWarmup): done, skipped because training had started, or pending. */
  chartWarmup: 'pending' | 'done' | 'skipped';
}

/** One short run of the claim search: the setting tried and what it showed. */
export interface OutcomeTrial {
  setting: string;
  holds: boolean;
  observed: string;
}

/** The outcome of a preset's claim, as plain data for the preset panel (from src/runs/outcome.ts). */
export interface PresetOutcome {
  presetId: string;
  status: 'running' | 'done' | 'error';
  message: string | null;
  /** Where it ran (the outcome is computed on the cpu backend, like the command line). */
  backend: string | null;
  verdict: 'holds' | 'doesNotHold' | 'holdsOnlyWith' | null;
  /** "the claim holds", "it does not hold in float32", "it holds only with learning rate 1.3". */
  text: string;
  observed: string;
  steps: number;
  firstNonFinite: { step: number; quantity: string; kind: string; phase: string } | null;
  finalLoss: number | null;
  trials: OutcomeTrial[];
  /** The nearest setting found where the claim holds: a one-click variant. */
  variant: { setting: string; scenario: Scenario } | null;
}

export function initialAppState(scenario: Scenario, rejected: RejectedKey[], embed: boolean, preset: string | null = null): AppState {
  return {
    scenario,
    preset,
    rejected,
    backend: null,
    unsupported: null,
    running: false,
    step: 0,
    stepsPerSecond: 0,
    speed: 1,
    report: null,
    warnings: [],
    stopReason: null,
    notices: [],
    error: null,
    dataVersion: 0,
    chartVersion: 0,
    normVersion: [0, 0],
    preview: null,
    compare: null,
    outcome: null,
    chartScale: 'log',
    smoothing: 0,
    embed,
    chartWarmup: 'pending',
  };
}

export const createAppStore = (s: AppState) => createStore(s);
export type AppStore = ReturnType<typeof createAppStore>;
