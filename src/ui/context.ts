/**
 * What UI components may use: the store, the series to draw, and the actions. The app's
 * controller implements the actions; the UI never sees the worker or tfjs.
 */
import { createContext, useContext } from 'react';
import type { RunSeries } from '../state/runSeries';
import type { MinMaxSeries } from '../state/series';
import type { StepRecord } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { AppStore } from '../state/appState';

export interface PlaygroundActions {
  play(): void;
  pause(): void;
  toggle(): void;
  stepOnce(): void;
  reset(): void;
  setSpeed(speed: number): void;
  setSmoothing(smoothing: number): void;
  setScenario(next: Scenario, options?: { push?: boolean; preset?: string | null }): void;
  compareWith(fixed: Scenario, label: string): void;
  notify(message: string): void;
}

export interface PlaygroundContextValue {
  store: AppStore;
  actions: PlaygroundActions;
  series: RunSeries;
  compareSeries: MinMaxSeries;
  /** The run's records kept for export, and the full loss history. */
  keptRecords(): StepRecord[];
  /** Called by the last component of a frame's render, to time the frame. */
  frameRendered(): void;
}

export const PlaygroundContext = createContext<PlaygroundContextValue | null>(null);

export function usePlayground(): PlaygroundContextValue {
  const value = useContext(PlaygroundContext);
  if (!value) throw new Error('usePlayground outside <PlaygroundContext.Provider>');
  return value;
}
